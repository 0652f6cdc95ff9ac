// Mantine's mixins and breakpoints variables in the app's CSS modules.
module.exports = { plugins: { 'postcss-preset-mantine': {} } };
