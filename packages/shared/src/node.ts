/**
 * Node-only entry of `@stinet/shared` (`@stinet/shared/node`): what reads the file system, kept out of the main
 * entry, which is also bundled into the browser.
 */
export { formOf, loadFormDirectory, SHIPPED_FORMS_DIR, shippedForms } from './stats/forms/load.js';
