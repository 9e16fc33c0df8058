import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/errors.ts';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import {
  addTechnologies,
  getOrgProfile,
  sbomTechnologies,
  setOrgProfile,
} from '../../src/intel/knowledge/index.ts';
import type { Store } from '../../src/store/store.ts';
import { corporaPresent, corpus } from '../corpora.ts';
import { DIALECTS, useFreshStore } from '../dialects.ts';

type Component = { purl?: string; cpe?: string; components?: Component[] };

/** Components with a purl or CPE and their distinct identifiers, counted straight from the file. */
function countIdentifiers(file: string): { components: number; distinct: number } {
  const bom = JSON.parse(readFileSync(file, 'utf8')) as { components?: Component[] };
  const ids = new Set<string>();
  let components = 0;
  const walk = (list: Component[] = []) => {
    for (const c of list) {
      if (c.purl || c.cpe) components++;
      if (c.purl) ids.add(c.purl);
      if (c.cpe) ids.add(c.cpe);
      walk(c.components);
    }
  };
  walk(bom.components);
  return { components, distinct: ids.size };
}

const NGINX = 'cpe:2.3:a:nginx:nginx:1.18.0:*:*:*:*:*:*:*';

describe.each(DIALECTS)('organization profile on %s', (dialect) => {
  const freshStore = useFreshStore(dialect);
  let store: Store;
  beforeAll(() => {
    store = freshStore();
  });

  it('starts empty, then round-trips what is set, normalized', async () => {
    expect(await getOrgProfile(store)).toEqual({ sectors: [], countries: [], regions: [], technologies: [] });
    await setOrgProfile(store, {
      sectors: ['Financial-Services', 'insurance'],
      countries: ['us', 'DE'],
      regions: ['western-europe'],
      technologies: [NGINX, 'pkg:npm/express@4.17.1'],
    });
    await setOrgProfile(store, { countries: ['FR'] });
    expect(await getOrgProfile(store)).toEqual({
      sectors: ['financial-services', 'insurance'],
      countries: ['FR'],
      regions: ['western-europe'],
      technologies: [NGINX, 'pkg:npm/express@4.17.1'],
    });
  });

  it('refuses values outside the vocabularies and leaves the profile as it was', async () => {
    const before = await getOrgProfile(store);
    for (const bad of [
      { sectors: ['banking'] },
      { countries: ['XX'] },
      { countries: ['EU'] },
      { regions: ['mars'] },
      { technologies: ['nginx 1.18'] },
    ]) {
      const err = await setOrgProfile(store, bad).catch((e: unknown) => e);
      expect(isAppError(err) && err.code).toBe('INVALID_INPUT');
    }
    expect(await getOrgProfile(store)).toEqual(before);
  });

  it.skipIf(!corporaPresent)('imports the purls of a real SBOM, nested components included', async () => {
    for (const name of ['juice-shop/via_npm/bare/bom.1.4.json', 'dropwizard-1.3.15/bom.json']) {
      const file = corpus('cyclonedx', 'SBOM', ...name.split('/'));
      const expected = countIdentifiers(file);
      const sbom = sbomTechnologies(readFileSync(file, 'utf8'), { file: name, limits: DEFAULT_LIMITS });
      expect(sbom.components).toBe(expected.components);
      expect(sbom.technologies).toHaveLength(expected.distinct);
      const before = (await getOrgProfile(store)).technologies.length;
      expect(await addTechnologies(store, sbom.technologies)).toBe(expected.distinct);
      expect((await getOrgProfile(store)).technologies).toHaveLength(before + expected.distinct);
      expect(await addTechnologies(store, sbom.technologies)).toBe(0);
    }
  });

  it('refuses what is not a CycloneDX SBOM, naming the path', () => {
    const opts = { file: 'x.json', limits: DEFAULT_LIMITS };
    const notBom = (() => {
      try {
        return sbomTechnologies('{"bomFormat":"SPDX","specVersion":"1.4"}', opts);
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(notBom) && notBom.location.path).toBe('$.bomFormat');
    const badPurl = (() => {
      try {
        return sbomTechnologies(
          '{"bomFormat":"CycloneDX","specVersion":"1.4","components":[{"name":"a","components":[{"purl":"npm:left-pad"}]}]}',
          opts,
        );
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(badPurl) && badPurl.location.path).toBe('$.components[0].components[0]');
  });
});
