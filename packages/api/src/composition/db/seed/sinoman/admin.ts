/** The sinoman demo tenant's first administrator (password: the demo admin password). */
export const SINOMAN_ADMIN_EMAIL = 'admin@sinoman.demo';
