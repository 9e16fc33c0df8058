import { decodeEntities } from '../../observables/html-text.ts';

/** Where a line of HTML stops being text: in a tag, a comment, or a script or style element. */
type Mode = 'text' | 'tag' | 'comment' | 'script' | 'style';

const ENDS: Readonly<Record<Exclude<Mode, 'text'>, RegExp>> = {
  tag: />/g,
  comment: /-->/g,
  script: /<\/script/gi,
  style: /<\/style/gi,
};

/**
 * Turns HTML into text one line at a time, so line numbers stay those of the source: tags
 * and comments become a space, script and style content is dropped, entities are decoded.
 * The state carries over lines (a tag or a script may span many).
 */
export function createHtmlLineReader(): (line: string) => string {
  let mode: Mode = 'text';
  return (line) => {
    let out = '';
    let i = 0;
    while (i < line.length) {
      if (mode === 'text') {
        const lt = line.indexOf('<', i);
        out += line.slice(i, lt < 0 ? line.length : lt);
        if (lt < 0) break;
        const rest = line.slice(lt, lt + 8).toLowerCase();
        mode = rest.startsWith('<!--')
          ? 'comment'
          : /^<script\b/.test(rest)
            ? 'script'
            : /^<style\b/.test(rest)
              ? 'style'
              : 'tag';
        i = lt + (mode === 'comment' ? 4 : 1);
        out += ' ';
        continue;
      }
      const end = ENDS[mode];
      end.lastIndex = i;
      if (!end.exec(line)) break;
      // The closing `</script` is itself a tag: finish it as one.
      i = end.lastIndex;
      mode = mode === 'script' || mode === 'style' ? 'tag' : 'text';
    }
    return decodeEntities(out);
  };
}
