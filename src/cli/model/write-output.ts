import { writeFile } from 'node:fs/promises';

/** Writes a command's output to a file (`-o FILE`) or standard output. */
export async function writeOutput(text: string, file: string | undefined): Promise<void> {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (file === undefined) process.stdout.write(body);
  else await writeFile(file, body);
}
