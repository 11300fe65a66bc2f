// The GitHub Pages workflow can't run here; at least it parses and does what the README says it does.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// js-yaml: Eleventy's own YAML parser, so always installed (types in src/jekyll/js-yaml.d.ts).
import yaml from "js-yaml";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { push: { branches: string[] } };
  permissions: Record<string, string>;
  concurrency: { group: string };
  jobs: Record<string, { steps: Step[]; needs?: string; environment?: { name: string } }>;
}

const workflow = yaml.load(readFileSync(".github/workflows/deploy.yml", "utf8")) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const using = (action: string) => steps.find((step) => step.uses?.startsWith(`${action}@`));

describe(".github/workflows/deploy.yml", () => {
  it("runs on a push to main with the permissions Pages needs", () => {
    expect(workflow.on.push.branches).toEqual(["main"]);
    expect(workflow.permissions).toMatchObject({ pages: "write", "id-token": "write", contents: "read" });
    expect(workflow.concurrency.group).toBe("pages");
  });
  it("installs with npm ci on Node 20 and builds with --strict", () => {
    expect(using("actions/setup-node")?.with).toMatchObject({ "node-version": 20, cache: "npm" });
    expect(steps.some((step) => step.run === "npm ci")).toBe(true);
    const build = steps.find((step) => step.run?.startsWith("npm run build"));
    expect(build?.run).toContain("--strict");
    expect(using("actions/checkout")?.with?.["fetch-depth"]).toBe(0);
  });
  it("restores the build cache of the last deploy before building, and saves this one's", () => {
    const cache = using("actions/cache");
    expect(cache?.with?.path).toBe(".quire-cache");
    const key = String(cache?.with?.key);
    // A new cache per commit (a saved one never changes), restored from the newest one before it.
    expect(key).toContain("${{ github.sha }}");
    expect(key.startsWith(String(cache?.with?.["restore-keys"]))).toBe(true);
    const build = steps.findIndex((step) => step.run?.startsWith("npm run build"));
    expect(steps.indexOf(cache!)).toBeLessThan(build);
  });
  it("uploads _site and deploys it to GitHub Pages", () => {
    expect(using("actions/configure-pages")).toBeDefined();
    expect(using("actions/upload-pages-artifact")?.with?.path).toBe("_site");
    const deploy = Object.values(workflow.jobs).find((job) => job.steps.some((step) => step.uses?.startsWith("actions/deploy-pages@")));
    expect(deploy?.needs).toBe("build");
    expect(deploy?.environment?.name).toBe("github-pages");
  });
});
