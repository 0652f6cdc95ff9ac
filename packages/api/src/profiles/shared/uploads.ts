/** An uploaded file as the files context takes it (the REST handler passed it on as base64). */
export const uploaded = (base64: string, field: string) => ({ bytes: Buffer.from(base64, 'base64'), field });
