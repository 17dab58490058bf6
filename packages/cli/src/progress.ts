/** A one-line progress bar on stderr, drawn only when stderr is a terminal (never in pipes or CI logs). */
export interface Progress {
  update(label: string, fraction: number): void;
  done(): void;
}

const WIDTH = 24;

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let last = '';
  return {
    update(label, fraction) {
      const f = Math.max(0, Math.min(1, fraction));
      const filled = Math.round(f * WIDTH);
      const line = `\r${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${String(Math.round(f * 100)).padStart(3)}% ${label}`;
      if (line !== last) stream.write(line.padEnd(last.length));
      last = line;
    },
    done() {
      if (last) stream.write(`\r${' '.repeat(last.length)}\r`);
      last = '';
    },
  };
}
