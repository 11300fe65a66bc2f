// The parts of Eleventy 3's API that quire uses (Eleventy ships JavaScript without declarations).
declare module "@11ty/eleventy" {
  export interface PageInfo {
    url: string | false;
    inputPath: string;
    outputPath: string | false;
    fileSlug: string;
    filePathStem: string;
    date: Date;
  }

  export interface CollectionItem {
    url: string | false;
    inputPath: string;
    outputPath: string | false;
    fileSlug: string;
    date: Date;
    data: Record<string, unknown> & { page: PageInfo };
    page: PageInfo;
  }

  export interface CollectionApi {
    getAll(): CollectionItem[];
    getFilteredByGlob(glob: string | string[]): CollectionItem[];
  }

  export interface TransformContext {
    page: PageInfo;
  }

  export interface UserConfig {
    dir: { input: string; output: string; includes: string; layouts?: string; data: string };
    addPlugin<O>(plugin: (config: UserConfig, options: O) => unknown, options?: O): void;
    addPlugin(plugin: (config: UserConfig) => unknown): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addShortcode(name: string, shortcode: (...args: never[]) => unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addCollection(name: string, build: (api: CollectionApi) => unknown): void;
    addTransform(name: string, transform: (this: TransformContext, content: string, outputPath: string) => unknown): void;
    addPassthroughCopy(paths: string | Record<string, string>, options?: Record<string, unknown>): void;
    addPreprocessor(name: string, extensions: string, callback: (data: Record<string, unknown>, content: string) => unknown): void;
    addWatchTarget(path: string): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    setLibrary(name: string, library: unknown): void;
    amendLibrary(name: string, amend: (library: unknown) => unknown): void;
    setLayoutsDirectory(dir: string): void;
    setIncludesDirectory(dir: string): void;
    setDataDirectory(dir: string): void;
    setTemplateFormats(formats: string | string[]): void;
    addTemplateFormats(formats: string | string[]): void;
    setQuietMode(quiet: boolean): void;
    setServerOptions(options: Record<string, unknown>): void;
    setChokidarConfig(options: Record<string, unknown>): void;
    setServerPassthroughCopyBehavior(behavior: "copy" | "passthrough"): void;
    setUseGitIgnore(use: boolean): void;
    setUseTemplateCache(use: boolean): void;
    addDataExtension(extensions: string, options: unknown): void;
    setFrontMatterParsingOptions(options: Record<string, unknown>): void;
    setLiquidOptions(options: Record<string, unknown>): void;
    ignores: { add(glob: string): void; delete(glob: string): void };
    benchmarks: { config: { setIsVerbose(verbose: boolean): void } };
    watchIgnores: { add(glob: string): void };
    on(event: string, callback: (...args: never[]) => unknown): void;
    pathPrefix?: string;
    markdownTemplateEngine?: string | false;
    htmlTemplateEngine?: string | false;
    [key: string]: unknown;
  }

  export interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string | false;
    pathPrefix?: string;
    runMode?: "build" | "serve" | "watch";
    config?: (config: UserConfig) => unknown;
  }

  /** Adds the path prefix to every root-relative URL in HTML output (and `renderTransforms` for feeds). */
  export function HtmlBasePlugin(config: UserConfig, options?: { baseHref?: string; extensions?: string }): void;

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
    watch(): Promise<unknown>;
    serve(port?: number): Promise<unknown>;
    setIsVerbose(verbose: boolean): void;
    disableLogger(): void;
    stopWatch(): Promise<void>;
  }
}

declare module "@11ty/eleventy-plugin-rss" {
  import type { UserConfig } from "@11ty/eleventy";
  /** The feed filters: dateToRfc3339, dateToRfc822, absoluteUrl, htmlToAbsoluteUrls. */
  export default function rssPlugin(config: UserConfig): void;
}
