// Renders each kustomize overlay and validates every object offline: against the Kubernetes schemas that
// kubernetes-models compiles (types, required fields, formats), and for fields those schemas do not know, which
// they let through. The field lists come from the models' own type declarations.
//   node validate.mjs [overlay dir...]   (default: ../overlays/*)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const here = dirname(fileURLToPath(import.meta.url));
const MODELS = [join(here, 'node_modules/kubernetes-models'), join(here, 'node_modules/@kubernetes-models/apimachinery')];

/** Every .d.ts under a directory. */
function declarations(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : declarations(path);
    return name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Splits a declaration body at the separators that are not nested in braces or angle brackets. */
function topLevel(body, separator) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{' || c === '<' || c === '(') depth++;
    else if (c === '}' || c === '>' || c === ')') depth--;
    else if (c === separator && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** Interface name (as the models export it, IIoK8s...) -> field -> declared type. */
function fieldTables() {
  const tables = new Map();
  const roots = new Map();
  for (const file of MODELS.flatMap(declarations)) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const exported = new Map();
    for (const [, list] of text.matchAll(/export type \{([^}]*)\}/g)) {
      for (const pair of list.split(',')) {
        const [local, , alias] = pair.trim().split(/\s+/);
        if (alias) exported.set(local, alias);
      }
    }
    for (const match of text.matchAll(/export interface (\w+)(?:<[^>]*>)?(?:\s+extends[^{]*)?\s*\{/g)) {
      let depth = 1;
      let i = match.index + match[0].length;
      const start = i;
      while (depth > 0 && i < text.length) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}') depth--;
        i++;
      }
      const fields = new Map();
      for (const declaration of topLevel(text.slice(start, i - 1), ';')) {
        const field = declaration.match(/^"([^"]+)"\??:\s*([\s\S]+)$/);
        if (field) fields.set(field[1], field[2].trim());
      }
      const name = exported.get(match[1]) ?? match[1];
      tables.set(name, fields);
      const kind = fields.get('kind')?.match(/^"(\w+)"$/)?.[1];
      const apiVersion = fields.get('apiVersion')?.match(/^"([^"]+)"$/)?.[1];
      if (kind && apiVersion) roots.set(`${apiVersion}/${kind}`, name);
    }
  }
  return { tables, roots };
}

const { tables, roots } = fieldTables();

/** Fields the schemas do not declare, wherever they are in the object. */
export function unknownFields(object) {
  const root = roots.get(`${object.apiVersion}/${object.kind}`);
  if (!root) return [`${object.kind} ${object.apiVersion}: no schema to check its fields against`];
  const problems = [];
  const walk = (value, type, path) => {
    if (value === null || typeof value !== 'object') return;
    type = type.replace(/\s+/g, ' ').trim();
    const array = type.match(/^Array<(.+)>$/) ?? type.match(/^(.+)\[\]$/);
    if (array) {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, array[1], `${path}[${i}]`));
      return;
    }
    const map = type.match(/^\{ \[key: string\]: (.+?);? \}$/);
    if (map) {
      for (const [key, item] of Object.entries(value)) walk(item, map[1], `${path}.${key}`);
      return;
    }
    const fields = tables.get(type);
    if (!fields) return;
    for (const [key, item] of Object.entries(value)) {
      if (!fields.has(key)) problems.push(`${path}.${key}: unknown field`);
      else walk(item, fields.get(key), `${path}.${key}`);
    }
  };
  walk(object, root, `${object.kind}/${object.metadata?.name ?? '?'}`);
  return problems;
}

/** Schema errors, as kubernetes-models reports them. */
export async function schemaErrors(object) {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  let models;
  try {
    models = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
  } catch {
    return [`${object.kind} ${object.apiVersion}: unknown API group or version`];
  }
  const Model = models[object.kind];
  if (!Model) return [`${object.apiVersion} has no kind ${object.kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    const details = error.errors ?? [{ instancePath: '', message: error.message }];
    return details.map((detail) => `${object.kind}/${object.metadata?.name ?? '?'}${detail.instancePath}: ${detail.message}`);
  }
}

export async function problems(objects) {
  const found = [];
  for (const object of objects) {
    found.push(...(await schemaErrors(object)), ...unknownFields(object));
  }
  return found;
}

export function render(overlay) {
  return yaml.loadAll(execFileSync('kubectl', ['kustomize', overlay], { encoding: 'utf8' })).filter(Boolean);
}

export const OVERLAYS = join(here, '..', 'overlays');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const overlays = process.argv.length > 2 ? process.argv.slice(2).map((dir) => resolve(dir))
    : readdirSync(OVERLAYS).map((name) => join(OVERLAYS, name));
  let failed = false;
  for (const overlay of overlays) {
    const objects = render(overlay);
    const found = await problems(objects);
    console.log(`${overlay}: ${objects.length} objects, ${found.length} problems`);
    found.forEach((problem) => console.log(`  ${problem}`));
    failed ||= found.length > 0;
  }
  process.exitCode = failed ? 1 : 0;
}
