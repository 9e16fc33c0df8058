import cliProgress from 'cli-progress';

export interface Progress {
  update: (count: number) => void;
  stop: () => void;
}

/** A live counter on stderr when it is a terminal; silent otherwise (pipes, CI, --json). */
export function createProgress(label: string): Progress | undefined {
  if (!process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: `${label} | {value} items | {rate}/s`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(0, 0, { rate: 0 });
  return {
    update: (count) =>
      bar.update(count, { rate: Math.round(count / Math.max(0.001, (Date.now() - started) / 1000)) }),
    stop: () => bar.stop(),
  };
}
