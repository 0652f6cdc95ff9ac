export { type AppOptions, createApp } from './app.ts';
export { type Platform, type PlatformOverrides, startPlatform } from './platform.ts';
