// Plain phrases a framework pattern matches, one per alternative of its word list, so a test can
// put each wording the data lists into a document and see which element the analysis says it names.
// Each alternative is spelled in its shortest form: optional parts dropped, the first branch of an
// inner choice, one character for a class or `\w`. Enough of regex syntax for the framework's lists.

type Node = { kind: 'text'; text: string } | { kind: 'choice'; branches: Node[][] } | { kind: 'repeat'; node: Node; min: number };

class Reader {
  private at = 0;
  constructor(private readonly source: string) {}

  /** Branches separated by `|` up to a closing parenthesis or the end. */
  branches(): Node[][] {
    const branches: Node[][] = [[]];
    while (this.at < this.source.length && this.source[this.at] !== ')') {
      if (this.source[this.at] === '|') {
        this.at++;
        branches.push([]);
        continue;
      }
      const atom = this.atom();
      branches[branches.length - 1]!.push(this.quantified(atom));
    }
    return branches;
  }

  private atom(): Node {
    const char = this.source[this.at++]!;
    if (char === '(') {
      let lookaround = false;
      if (this.source.startsWith('?:', this.at)) this.at += 2;
      else if (/^\?<?[=!]/.test(this.source.slice(this.at))) {
        lookaround = true;
        this.at += this.source[this.at + 1] === '<' ? 3 : 2;
      }
      const branches = this.branches();
      this.at++; // ')'
      return lookaround ? { kind: 'text', text: '' } : { kind: 'choice', branches };
    }
    if (char === '[') {
      const close = this.source.indexOf(']', this.at + 1);
      const body = this.source.slice(this.at, close);
      this.at = close + 1;
      return { kind: 'text', text: body.startsWith('\\w') ? 'a' : body.startsWith('\\') ? body[1]! : body[0]! };
    }
    if (char === '\\') {
      const escaped = this.source[this.at++]!;
      const classes: Record<string, string> = { b: '', B: '', d: '1', w: 'a', W: ' ', s: ' ', S: 'x' };
      return { kind: 'text', text: classes[escaped] ?? escaped };
    }
    if (char === '^' || char === '$') return { kind: 'text', text: '' };
    if (char === '.') return { kind: 'text', text: 'x' };
    return { kind: 'text', text: char };
  }

  private quantified(node: Node): Node {
    const rest = this.source.slice(this.at);
    const match = /^(?:([?*+])|\{(\d+)(?:,\d*)?\})\??/.exec(rest);
    if (!match) return node;
    this.at += match[0].length;
    const min = match[1] === '+' ? 1 : match[1] ? 0 : Number(match[2]);
    return { kind: 'repeat', node, min };
  }
}

function shortest(nodes: readonly Node[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text;
      if (node.kind === 'repeat') return shortest([node.node]).repeat(node.min);
      return shortest(node.branches[0]!);
    })
    .join('');
}

/** The top-level alternatives, reached through the groups that only wrap the whole list. */
function alternatives(branches: Node[][]): Node[][] {
  return branches.flatMap((branch) => {
    const groups = branch.filter((node) => node.kind !== 'text' || node.text !== '');
    const only = groups.length === 1 ? groups[0]! : undefined;
    return only?.kind === 'choice' ? alternatives(only.branches) : [branch];
  });
}

/** One plain phrase per alternative of the pattern's word list, in its shortest spelling. */
export function patternSamples(pattern: RegExp): string[] {
  return alternatives(new Reader(pattern.source).branches())
    .map(shortest)
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
