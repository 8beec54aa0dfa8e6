/**
 * Removes the caller's values from graphql-js coercion and validation messages, which quote them in full
 * (`String cannot represent a non string value: ["患者女，52岁……"]`): an error must never echo record text, to the
 * client or to a log. Type names, field names and paths stay, so the message still says what was wrong where.
 *
 * @example
 *   redactValues('Variable "$t" got invalid value ["患者女"] at "t[0]"; String cannot represent a non string value: ["患者女"]')
 *   // 'Variable "$t" has an invalid value at "t[0]": String cannot represent a non string value'
 *   redactValues('Expected value of type "Int!", found "abc".')   // 'Expected value of type "Int!", found an invalid value.'
 */

const VARIABLE_AT = /^Variable "\$(\w+)" got invalid value [\s\S]*? at "(\1(?:\[\d+\]|\.\w+)*)"; ([\s\S]*)$/;
const VARIABLE = /^Variable "\$(\w+)" got invalid value [\s\S]*?; ([\s\S]*)$/;
const FOUND = /^(Expected value of type "[^"]+"), found [\s\S]*$/;
/** `String cannot represent a non string value: X`, `Enum "Kind" cannot represent non-enum value: X`, ... */
const CANNOT_REPRESENT = /^([\w" ]{1,80}? cannot represent [\w -]{1,60}?)(?:: [\s\S]*)?$/;
const VALUE_NOT_IN_ENUM = /^Value "[\s\S]*" does not exist in "(\w+)" enum\.[\s\S]*$/;
/** Last resort: quoted strings (scanned pairwise) long enough to be text rather than a name, and runs of non-ASCII. */
const QUOTED = /"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"/g;
const NON_ASCII_RUN = /[^\x00-\x7F]{6,}/g;
const MAX_MESSAGE = 400;

export function redactValues(message: string): string {
  let out = message;
  const at = VARIABLE_AT.exec(out);
  const plain = at ? null : VARIABLE.exec(out);
  if (at) out = `Variable "$${at[1]}" has an invalid value at "${at[2]}": ${reason(at[3]!)}`;
  else if (plain) out = `Variable "$${plain[1]}" has an invalid value: ${reason(plain[2]!)}`;
  else out = reason(out);
  out = out.replace(QUOTED, (quoted) => (quoted.length > 26 ? '"…"' : quoted)).replace(NON_ASCII_RUN, '…');
  return out.length > MAX_MESSAGE ? `${out.slice(0, MAX_MESSAGE)}…` : out;
}

function reason(message: string): string {
  const found = FOUND.exec(message);
  if (found) return `${found[1]}, found an invalid value.`;
  const enumValue = VALUE_NOT_IN_ENUM.exec(message);
  if (enumValue) return `the value is not one of the "${enumValue[1]}" enum values.`;
  const cannot = CANNOT_REPRESENT.exec(message);
  if (cannot) return cannot[1]!;
  return message;
}

/**
 * `records[3].text` → `{ index: 3, field: 'text' }` for the path of a variable coercion error (the first list index
 * and the last field name), so a rejected `submitRecords` names the record like `validateRecords` does.
 */
export function pathDetails(message: string): { index?: number; field?: string } {
  const at = VARIABLE_AT.exec(message);
  if (!at) return {};
  const index = /\[(\d+)\]/.exec(at[2]!);
  const field = /\.(\w+)$/.exec(at[2]!);
  return { ...(index ? { index: Number(index[1]) } : {}), ...(field ? { field: field[1] } : {}) };
}
