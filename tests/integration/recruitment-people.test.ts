import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

const CSV = [
  'first name,last name,email,phone,street,house number,postcode,city,birth year,language,gender',
  'Élodie,Dubois,elodie@example.be,0475 12 34 56,Rue de la Loi,16,1000,Bruxelles,1985,fr,woman',
  'Marc,Dubois,marc@example.be,0475 12 34 57,rue de la loi,16,1000,Bruxelles,1983,fr,man',
  'Mehmet,Çelik,mehmet@example.be,0476 11 22 33,Kerkstraat,5,2000,Antwerpen,1972,nl,man',
  'Lotte,Claes,lotte@example.be,0477 22 33 44,Veldstraat,10,9000,Gent,1999,nl,woman',
].join('\n');

async function withPool() {
  const dir = tempDir();
  const app = makeApp(dir);
  await app.call('app.createAssembly', { name: 'Partijfinanciering', panelSize: 60 });
  const staged = await app.call('imports.stage', { fileName: 'pool.csv', contentBase64: Buffer.from(CSV).toString('base64') });
  await app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
  const idOf = async (query: string) => (await app.call('people.list', { query })).rows[0]!.id;
  return { ...app, idOf };
}

describe('the participant lifecycle', () => {
  it('allows only sensible transitions, asks a date and reason for a withdrawal, and links the replacement', async () => {
    const app = await withPool();
    const celik = await app.idOf('celik');

    const skip = await app.raw('people.setStatus', { id: celik, status: 'confirmed' });
    expect(skip.ok ? null : skip.error).toMatchObject({ code: 'VALIDATION', i18nKey: 'lifecycle.notAllowed' });

    for (const status of ['selected', 'contacted', 'confirmed'] as const) await app.call('people.setStatus', { id: celik, status });
    const noReason = await app.raw('people.setStatus', { id: celik, status: 'withdrawn', date: '2027-02-01' });
    expect(noReason.ok ? null : noReason.error).toMatchObject({ code: 'VALIDATION', i18nKey: 'lifecycle.reasonRequired' });
    const badDate = await app.raw('people.setStatus', { id: celik, status: 'withdrawn', date: '2027-02-30', reason: 'ill' });
    expect(badDate.ok).toBe(false);

    const withdrawn = await app.call('people.setStatus', { id: celik, status: 'withdrawn', date: '2027-02-01', reason: 'Moved abroad' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusDate: '2027-02-01', statusReason: 'Moved abroad', allowedStatuses: [] });
    expect(withdrawn.history.map((h) => `${h.from}>${h.to}`)).toEqual(['pool>selected', 'selected>contacted', 'contacted>confirmed', 'confirmed>withdrawn']);

    const lotte = await app.idOf('lotte');
    await app.call('people.setStatus', { id: lotte, status: 'reserve' });
    const replaced = await app.call('people.replace', { id: celik, replacementId: lotte });
    expect(replaced.replacedBy?.id).toBe(lotte);
    const replacement = await app.call('people.get', { id: lotte });
    expect(replacement.status).toBe('selected');
    expect(replacement.replaces.map((r) => r.id)).toEqual([celik]);
    const twice = await app.raw('people.replace', { id: celik, replacementId: await app.idOf('elodie') });
    expect(twice.ok ? null : twice.error.i18nKey).toBe('errors.alreadyReplaced');

    // The audit log names the change but not the (possibly personal) reason.
    const audit = await app.call('audit.list', { entity: 'person', entityId: celik });
    expect(audit.map((a) => a.action)).toContain('person.status');
    expect(JSON.stringify(audit)).not.toContain('Moved abroad');
    app.close();
  });

  it('allows one seat per household while the setting is on', async () => {
    const app = await withPool();
    const elodie = await app.idOf('elodie');
    const marc = await app.idOf('marc');
    expect((await app.call('people.get', { id: elodie })).householdSize).toBe(2);
    await app.call('people.setStatus', { id: elodie, status: 'selected' });
    const second = await app.raw('people.setStatus', { id: marc, status: 'selected' });
    expect(second.ok ? null : second.error).toMatchObject({ code: 'CONFLICT', i18nKey: 'errors.householdTaken' });
    expect((await app.call('people.get', { id: marc })).status).toBe('pool');

    await app.call('quotas.setSettings', { onePerHousehold: false });
    expect((await app.call('people.setStatus', { id: marc, status: 'selected' })).status).toBe('selected');
    app.close();
  });

  it('keeps a contact log and edits details with per-field errors', async () => {
    const app = await withPool();
    const lotte = await app.idOf('lotte');
    const logged = await app.call('people.addContact', { id: lotte, date: '2027-01-10', channel: 'phone', outcome: 'No answer', note: 'Try evenings' });
    expect(logged.contacts).toMatchObject([{ channel: 'phone', outcome: 'No answer', note: 'Try evenings', operator: 'Test Operator' }]);
    const badChannel = await app.raw('people.addContact', { id: lotte, date: '2027-01-10', channel: 'pigeon', outcome: 'x' });
    expect(badChannel.ok).toBe(false);

    const bad = await app.raw('people.update', { id: lotte, email: 'not-an-email', birthYear: 1800 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const fields = (bad.error.details as { fields: { field: string }[] }).fields.map((f) => f.field).sort();
      expect(fields).toEqual(['birthYear', 'email']);
    }
    const edited = await app.call('people.update', {
      id: lotte,
      phone: '0499 99 99 99',
      needs: { diet: 'vegetarian', childcare: true },
      consentDate: '2027-01-05',
      consentVersion: 'v2',
    });
    expect(edited).toMatchObject({ phone: '0499 99 99 99', needs: { diet: 'vegetarian', childcare: true, accessibility: '' }, consentVersion: 'v2' });
    expect((await app.call('people.list', { query: '0499999999' })).total).toBe(1);
    const audit = await app.call('audit.list', { entity: 'person', entityId: lotte });
    expect(audit.find((a) => a.action === 'person.update')?.after).toMatchObject({ fieldsChanged: expect.arrayContaining(['phone', 'needsDiet']) });
    expect(JSON.stringify(audit)).not.toContain('0499');
    app.close();
  });

  it('erases a person: personal fields wiped in the file, code and features kept', async () => {
    const app = await withPool();
    const elodie = await app.idOf('elodie');
    await app.call('people.addContact', { id: elodie, date: '2027-01-10', channel: 'email', outcome: 'Asked to be erased', note: 'Her e-mail: elodie@example.be' });
    const before = await app.call('people.get', { id: elodie });

    const wrongCode = await app.raw('people.erase', { id: elodie, confirmCode: 'XXXXXX' });
    expect(wrongCode.ok).toBe(false);
    const erased = await app.call('people.erase', { id: elodie, confirmCode: before.code.toLowerCase() });
    expect(erased).toMatchObject({ erased: true, code: before.code, firstName: '', lastName: '', email: null, phone: null, street: null, birthYear: null, features: before.features });

    const path = app.ctx.open!.path;
    app.close();
    // Read the file itself: nothing of her is left anywhere in the tables.
    const db = new Database(path, { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    const dump = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())).join('\n');
    db.close();
    expect(dump).not.toMatch(/Élodie|elodie@example\.be|0475 12 34 56|Rue de la Loi/);
    expect(dump).toContain(before.code);
  });

  it('searches accent-insensitively and filters by status and feature value', async () => {
    const app = await withPool();
    expect((await app.call('people.list', { query: 'dubois' })).total).toBe(2);
    expect((await app.call('people.list', { query: 'elodie dub' })).total).toBe(1);
    expect((await app.call('people.list', { query: 'CELIK' })).rows[0]!.lastName).toBe('Çelik');
    await app.call('people.setStatus', { id: await app.idOf('lotte'), status: 'reserve' });
    expect((await app.call('people.list', { status: 'reserve' })).rows.map((r) => r.firstName)).toEqual(['Lotte']);
    const overview = await app.call('quotas.overview', {});
    const woman = overview.features.find((f) => f.name === 'gender')!.values.find((v) => v.value === 'woman')!;
    expect((await app.call('people.list', { valueId: woman.id })).rows.map((r) => r.firstName).sort()).toEqual(['Lotte', 'Élodie']);
    app.close();
  });
});

describe('review fixes: what must not slip through', () => {
  it('erased people leave the draw: no seat, no new contact entry, not in the respondents export', async () => {
    const app = await withPool();
    const lotte = await app.idOf('lotte');
    const code = (await app.call('people.get', { id: lotte })).code;
    await app.call('people.erase', { id: lotte, confirmCode: code });
    const seat = await app.raw('people.setStatus', { id: lotte, status: 'selected' });
    expect(seat.ok ? null : seat.error.i18nKey).toBe('errors.personErased');
    const contact = await app.raw('people.addContact', { id: lotte, date: '2027-01-10', channel: 'phone', outcome: 'x' });
    expect(contact.ok ? null : contact.error.i18nKey).toBe('errors.personErased');
    expect((await app.call('people.exportSortition', {})).content).not.toContain(code);
    // Age bands are still possible: the erased person simply has none.
    const bands = await app.call('features.band', { source: { birthYear: true }, name: 'Age', bands: [{ label: 'all', min: 0, max: 130 }] });
    expect(bands.values[0]!.poolCount).toBe(3);
    app.close();
  });

  it('a seated person cannot move into a household that already holds a seat', async () => {
    const app = await withPool();
    const elodie = await app.idOf('elodie');
    const lotte = await app.idOf('lotte');
    await app.call('people.setStatus', { id: elodie, status: 'selected' });
    await app.call('people.setStatus', { id: lotte, status: 'selected' });
    const move = await app.raw('people.update', { id: lotte, street: 'Rue de la Loi', houseNumber: '16', postcode: '1000' });
    expect(move.ok ? null : move.error.i18nKey).toBe('errors.householdTaken');
    expect((await app.call('people.get', { id: lotte })).street).toBe('Veldstraat');
    app.close();
  });

  it('undoing the selection of a replacement frees the replaced person for another replacement', async () => {
    const app = await withPool();
    const celik = await app.idOf('celik');
    const lotte = await app.idOf('lotte');
    const marc = await app.idOf('marc');
    await app.call('people.setStatus', { id: celik, status: 'selected' });
    await app.call('people.setStatus', { id: celik, status: 'declined', date: '2027-01-20', reason: 'no time' });
    await app.call('people.replace', { id: celik, replacementId: lotte });
    await app.call('people.setStatus', { id: lotte, status: 'pool' });
    expect((await app.call('people.get', { id: celik })).replacedBy).toBeNull();
    expect((await app.call('people.replace', { id: celik, replacementId: marc })).replacedBy?.id).toBe(marc);
    const audit = await app.call('audit.list', { entity: 'person', entityId: marc });
    expect(audit[0]).toMatchObject({ action: 'person.status', after: { status: 'selected', replaces: expect.any(String) } });
    app.close();
  });

  it('a record removed as a duplicate settles its other flags, can be erased, and does not come back on re-import', async () => {
    const dir = tempDir();
    const app = makeApp(dir);
    await app.call('app.createAssembly', { name: 'Dubbels', panelSize: 10 });
    const csv = ['first name,last name,email', 'Ann,Peeters,same@example.be', 'Bart,Claes,same@example.be', 'Cas,Maes,same@example.be'].join('\n');
    const importIt = async () => {
      const staged = await app.call('imports.stage', { fileName: 'p.csv', contentBase64: Buffer.from(csv).toString('base64') });
      return app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
    };
    await importIt();
    const flags = await app.call('duplicates.list', { status: 'open' });
    expect(flags).toHaveLength(3);
    const name = (id: string) => flags.flatMap((f) => [f.a, f.b]).find((p) => p.id === id)!.name;
    const annBart = flags.find((f) => [f.a, f.b].map((p) => p.name).sort().join() === 'Ann Peeters,Bart Claes')!;
    const bart = annBart.a.name === 'Bart Claes' ? annBart.a : annBart.b;
    await app.call('duplicates.resolve', { id: annBart.id, resolution: annBart.a.name === 'Ann Peeters' ? 'keepA' : 'keepB' });
    // Bart's flag with Cas is settled with him: Cas cannot be removed for a record already gone.
    const open = await app.call('duplicates.list', { status: 'open' });
    expect(open.map((f) => [name(f.a.id), name(f.b.id)].sort().join())).toEqual(['Ann Peeters,Cas Maes']);
    expect((await app.call('people.list', {})).total).toBe(2);

    const erased = await app.call('people.erase', { id: bart.id, confirmCode: bart.code });
    expect(erased).toMatchObject({ erased: true, firstName: '', email: null });
    expect(await importIt()).toMatchObject({ imported: 1, alreadyInPool: 2 });
    app.close();
  });
});
