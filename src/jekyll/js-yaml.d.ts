// js-yaml 4 ships without types; it is Eleventy's own YAML parser, so quire reads _config.yml the same way.
declare module "js-yaml" {
  export function load(text: string, options?: { filename?: string }): unknown;
  export class YAMLException extends Error {
    reason: string;
    mark?: { line: number; column: number };
  }
}
