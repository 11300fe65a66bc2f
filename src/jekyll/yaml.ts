// YAML as Jekyll reads it. Ruby's Psych is YAML 1.1: `yes`, `no`, `on` and `off` are booleans there, text to
// js-yaml (YAML 1.2), so `published: no` left a page out on GitHub Pages and failed quire's check. Everything
// else js-yaml reads as Psych does for front matter and _config.yml.
import { DEFAULT_SCHEMA, load, Type } from "js-yaml";

// YAML 1.2's true and false too: this type takes the place of js-yaml's own booleans.
const YES = /^(?:true|True|TRUE|yes|Yes|YES|on|On|ON)$/;
const NO = /^(?:false|False|FALSE|no|No|NO|off|Off|OFF)$/;

const yamlOneOneBooleans = new Type("tag:yaml.org,2002:bool", {
  kind: "scalar",
  resolve: (text: string) => YES.test(text) || NO.test(text),
  construct: (text: string) => YES.test(text),
  predicate: (value: unknown) => typeof value === "boolean",
  represent: { lowercase: (value: boolean) => (value ? "true" : "false") },
  defaultStyle: "lowercase",
});

const JEKYLL_SCHEMA = DEFAULT_SCHEMA.extend({ implicit: [yamlOneOneBooleans] });

/** Parses a Jekyll site's YAML: front matter or _config.yml. */
export function loadJekyllYaml(text: string, filename?: string): unknown {
  return load(text, { schema: JEKYLL_SCHEMA, ...(filename === undefined ? {} : { filename }) });
}
