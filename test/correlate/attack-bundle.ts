import { readFileSync } from 'node:fs';
import { corpus } from '../corpora.ts';

type Raw = Record<string, unknown> & { id: string; type: string };

/**
 * The ATT&CK Enterprise bundle read straight from the file, so that tests compute expected
 * answers independently of the code under test.
 */
export class AttackBundle {
  readonly objects = new Map<string, Raw>();
  readonly relationships: Raw[] = [];

  constructor(path = corpus('attack', 'enterprise-attack.json')) {
    const bundle = JSON.parse(readFileSync(path, 'utf8')) as { objects: Raw[] };
    for (const o of bundle.objects) {
      this.objects.set(o.id, o);
      if (o.type === 'relationship') this.relationships.push(o);
    }
  }

  isCurrent(id: string): boolean {
    const o = this.objects.get(id);
    return o !== undefined && o.revoked !== true && o.x_mitre_deprecated !== true;
  }

  attackId(id: string): string | undefined {
    const refs = (this.objects.get(id)?.external_references ?? []) as {
      source_name?: string;
      external_id?: string;
    }[];
    return refs.find((r) => r.source_name === 'mitre-attack')?.external_id;
  }

  byAttackId(ext: string): string {
    const found = [...this.objects.values()].find((o) => this.attackId(o.id) === ext);
    if (!found) throw new Error(`${ext} not in the bundle`);
    return found.id;
  }

  /** Current relationships of a type, both ends current, the relationship itself current. */
  links(type: string, where: (source: string, target: string) => boolean): Raw[] {
    return this.relationships.filter(
      (r) =>
        r.relationship_type === type &&
        this.isCurrent(r.id) &&
        this.isCurrent(r.source_ref as string) &&
        this.isCurrent(r.target_ref as string) &&
        where(r.source_ref as string, r.target_ref as string),
    );
  }
}
