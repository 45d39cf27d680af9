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
