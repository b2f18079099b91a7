export * from './cells.js';
export * from './form-definition.js';
export * from './validate.js';
export * from './forms/index.js';
export * from './forms/tt25-2015.js';
export * from './aggregate.js';
export * from './sdmx.js';
export * from './suppression.js';
