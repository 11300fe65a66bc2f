// markdown-it's fixture format: an optional name line, `.`, markdown input, `.`, expected HTML, `.`.
export interface FixtureCase {
  /** 1-based line of the case's first `.` */
  line: number;
  name: string;
  input: string;
  expected: string;
}

/** Splits fixture text into cases; throws on a case left unfinished. */
export function parseFixtures(text: string): FixtureCase[] {
  const lines = text.split("\n");
  const cases: FixtureCase[] = [];
  let nameLines: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== ".") {
      if (lines[i]!.trim() === "") nameLines = [];
      else nameLines.push(lines[i]!);
      continue;
    }
    const parts: string[][] = [[], []];
    let part = 0;
    let j = i + 1;
    for (; j < lines.length && part < 2; j++) {
      if (lines[j] === ".") part += 1;
      else parts[part]!.push(lines[j]!);
    }
    if (part < 2) throw new Error(`unfinished fixture case at line ${i + 1}`);
    const [input = [], expected = []] = parts;
    cases.push({
      line: i + 1,
      name: nameLines.join(" "),
      input: input.join("\n") + "\n",
      expected: expected.length > 0 ? expected.join("\n") + "\n" : "",
    });
    nameLines = [];
    i = j - 1;
  }
  return cases;
}
