// quire turns off Eleventy's template cache (it is process-wide, and tests run many builds in one process),
// so Eleventy makes a new layout template for every page and Nunjucks compiles base.njk once per page: a
// tenth of a warm build. This remembers each compiled layout per Nunjucks environment — one per build — keyed
// by its path and full text, so an edited layout compiles afresh and nothing leaks between builds.
import type { UserConfig } from "@11ty/eleventy";
import { createRequire } from "node:module";

interface CompiledTemplate {
  env: object;
  path: string | null;
  tmplStr: string;
  tmplProps?: unknown;
  blocks: unknown;
  rootRenderFunc: unknown;
  compiled: boolean;
}

type Compiled = Pick<CompiledTemplate, "blocks" | "rootRenderFunc">;

/** Compiled templates of the environments quire set up, by path and text. */
const compiledByEnvironment = new WeakMap<object, Map<string, Compiled>>();

let patched = false;

/** Nunjucks' Template compiles lazily in `_compile`; environments without a memo compile as before. */
function rememberCompiledTemplates(): void {
  if (patched) return;
  patched = true;
  // The same nunjucks module Eleventy renders with (there is one copy in node_modules).
  const nunjucks = createRequire(import.meta.url)("nunjucks") as { Template: { prototype: { _compile(this: CompiledTemplate): void } } };
  const compile = nunjucks.Template.prototype._compile;
  nunjucks.Template.prototype._compile = function (this: CompiledTemplate) {
    const memo = compiledByEnvironment.get(this.env);
    if (!memo || this.tmplProps || typeof this.tmplStr !== "string") return compile.call(this);
    const key = `${this.path ?? ""}\0${this.tmplStr}`;
    const known = memo.get(key);
    if (!known) {
      compile.call(this);
      memo.set(key, { blocks: this.blocks, rootRenderFunc: this.rootRenderFunc });
      return;
    }
    // Compiled code is a pure function of its text; Nunjucks' own loader cache shares it the same way.
    this.blocks = known.blocks;
    this.rootRenderFunc = known.rootRenderFunc;
    this.compiled = true;
  };
}

export default function layoutCompileOnce(eleventyConfig: UserConfig): void {
  eleventyConfig.amendLibrary("njk", (environment) => {
    rememberCompiledTemplates();
    compiledByEnvironment.set(environment as object, new Map());
  });
}
