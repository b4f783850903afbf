// Input shapes on which a naive Markdown reader does superlinear work (issue 14): each builds a
// document of about `size` characters. The scaling test checks that analysis time grows linearly on
// them; `npm run bench:hostile` times them at 1 MB against an ordinary design doc.
/** Repeats `unit` to about `size` characters. */
const fill = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.round(size / unit.length)));
/** `open` k times, a word, `close` k times: nesting as deep as the size allows. */
const nest = (open: string, close: string, size: number): string => {
  const depth = Math.round(size / (open.length + close.length));
  return `${open.repeat(depth)}a${close.repeat(depth)}`;
};

export const HOSTILE_SHAPES: Record<string, (size: number) => string> = {
  // Item 8: the shapes the issue measured.
  'a heading padded with blanks': (size) => `# a${' '.repeat(size)}b\n`,
  'one line of prose full of metric words': (size) =>
    `# Metrics\n\n${fill('the offline recall and online CTR beat accuracy, not precision vs latency; ', size)}\n`,
  '"1." repeated': (size) => `# Scale\n\n${fill('1.', size)}\n`,
  'nested links': (size) => `# Links\n\n${nest('[', '](b)', size)}\n`,
  'a list indented 2 more per line': (size) => {
    let text = '# Plan\n\n';
    for (let depth = 0; text.length < size; depth++) text += `${' '.repeat(2 * depth)}- step\n`;
    return text;
  },
  // Item 11 and the shapes found while auditing every pattern.
  'nested block quotes': (size) => `${'>'.repeat(size)} a\n`,
  'nested images': (size) => `# Diagram\n\n${nest('![', '](b)', size)}\n`,
  'nested emphasis': (size) => `# Notes\n\n${nest('*a ', ' a*', size)}\n`,
  'closing brackets with nothing open': (size) => `# Notes\n\n${fill('](b)', size)}\n`,
  'a run of digits': (size) => `# Scale\n\nWe serve ${'1'.repeat(size)} requests per second.\n`,
  'a run of "{{"': (size) => `# Template\n\n${fill('{{', size)}\n`,
  'hyphenated words without end': (size) => `# Trade-offs\n\n${fill('a-', size)} vs b\n`,
  'comments opened and never closed': (size) => `# Notes\n\nintro ${fill('<!--', size)}\n`,
  '<pre> opened on every other line, never closed, over headings': (size) => fill('<pre><code>\n# Step\n', size),
  'a list item continued by unindented lines': (size) => `# Notes\n\n- ${fill('data\n', size / 4)}`,
  'Obsidian embeds opened and never closed': (size) => `# Diagrams\n\n${fill('![[a.png|', size)}\n`,
  'Russian words between "сейчас" and a latency unit': (size) => `# Требования\n\n${fill('сейчас задержка ', size)} 5 мс\n`,
  'one line of Chinese with no spaces': (size) => `# 需求\n\n${fill('延迟特征数据', size)}\n`,
};
