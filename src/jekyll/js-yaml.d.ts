// js-yaml 4 ships without types; it is Eleventy's own YAML parser, so quire reads _config.yml the same way.
declare module "js-yaml" {
  export class Type {
    constructor(
      tag: string,
      options: {
        kind: "scalar" | "sequence" | "mapping";
        resolve?: (data: string) => boolean;
        construct?: (data: string) => unknown;
        predicate?: (value: unknown) => boolean;
        represent?: Record<string, (value: never) => string>;
        defaultStyle?: string;
      },
    );
  }
  export class Schema {
    extend(types: { implicit?: Type[]; explicit?: Type[] }): Schema;
  }
  export const DEFAULT_SCHEMA: Schema;
  export function load(text: string, options?: { filename?: string; schema?: Schema }): unknown;
  export class YAMLException extends Error {
    reason: string;
    mark?: { line: number; column: number };
  }
}
