/**
 * Calendar module: Vietnamese lunar calendar, public holidays and working-day deadlines.
 */
export * from './lunar.js';
export * from './holidays.js';
export * from './working-days.js';
