/** Shown in the header and written nowhere else; bump with package.json. */
export const APP_VERSION = '0.1.0';
