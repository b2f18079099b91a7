import { i18n } from '../i18n';

function toCamel(field: string): string {
  return field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Returns a function that labels a record field for history views: it looks up `${prefix}.${field}`
 * (field names may come camelCase or snake_case, with or without an `Id` suffix), then the fields every
 * record has (`history.fields`: code, id; for tasks also their acceptance fields), and falls back to the raw name.
 */
export function fieldLabeller(prefix: 'organizations.fields' | 'researchers.fields' | 'tasks.fields'): (field: string) => string {
  return (field) => {
    const camel = toCamel(field);
    const keys = [camel, `${camel}Id`, camel.replace(/Id$/, '')].map((candidate) => `${prefix}.${candidate}`);
    // a task's official acceptance is recorded in its history too
    if (prefix === 'tasks.fields') keys.push(`acceptance.fields.${camel}`);
    keys.push(`history.fields.${camel}`);
    for (const key of keys) {
      if (i18n.exists(key)) return i18n.t(key as 'organizations.fields.nameVi');
    }
    return field;
  };
}
