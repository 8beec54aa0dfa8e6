/** The shipped concept index (models/concepts): mentions to codes with their hierarchy, lookups, misuse. */
import { describe, expect, it } from 'vitest';
import { isNormaliseError, loadConceptIndex } from '../../src/normalise/index.js';

const index = await loadConceptIndex();

describe('normalise', () => {
  it('codes breast-cancer mentions in the C50 family whatever the laterality or stage', () => {
    for (const text of ['乳腺癌', '左乳腺癌', '右乳腺癌IV期', '左乳浸润性导管癌']) {
      const c = index.normalise('DISEASE', text);
      expect(c?.system, text).toBe('ICD10');
      expect(c?.code.startsWith('C50'), `${text} → ${c?.code}`).toBe(true);
      expect(c?.ancestors.map((a) => a.code)).toEqual(expect.arrayContaining(['C50', 'C00-D48']));
    }
  });

  it('rewrites clinical shorthand to standard wording: metastasis, ovarian cancer, coronary heart disease', () => {
    expect(index.normalise('DISEASE', '肺转移')?.name).toBe('肺继发恶性肿瘤');
    expect(index.normalise('DISEASE', '卵巢癌')?.code.startsWith('C56')).toBe(true);
    expect(index.normalise('DISEASE', '冠心病')?.name).toBe('冠状动脉粥样硬化性心脏病');
  });

  it('codes surgeries in ICD-9-CM-3 and drugs by generic name, brands included', () => {
    expect(index.normalise('SURGERY', '左乳癌改良根治术')).toMatchObject({ system: 'ICD9CM3' });
    expect(index.normalise('SURGERY', '腹腔镜胆囊切除术')).toMatchObject({ system: 'ICD9CM3', code: '51.23' });
    expect(index.normalise('DRUG', '赫赛汀')).toMatchObject({ system: 'DRUG', name: '曲妥珠单抗' });
    expect(index.normalise('DRUG', '希罗达')).toMatchObject({ name: '卡培他滨' });
  });

  it('answers null for nonsense and for types without a vocabulary', () => {
    expect(index.normalise('DISEASE', '啊啊啊')).toBeNull();
    expect(index.normalise('DISEASE', '')).toBeNull();
    expect(index.normalise('SYMPTOM', '发热')).toBeNull();
    expect(index.normalise('DISEASE', '癌'.repeat(5000))).toBeNull();
  });
});

describe('lookup and find', () => {
  it('finds a code in any system and a standard name, each with its ancestors', () => {
    expect(index.find('C50').map((c) => c.code)).toEqual(['C50']);
    expect(index.find('c50.9')[0]?.ancestors.map((a) => a.code)).toEqual(['C50', 'C50-C50', 'C00-D48']);
    expect(index.find('乳腺恶性肿瘤').map((c) => c.code)).toContain('C50.902');
    expect(index.find('  ')).toEqual([]);
    expect(index.lookup('ICD10', 'C56')?.name).toBe('卵巢恶性肿瘤');
    expect(index.lookup('ICD9CM3', 'no-such')).toBeNull();
  });

  it('splits a raw diagnosis string into its standard diagnoses', () => {
    const names = index.normaliseDiagnosis('高血压；卵巢癌').map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['高血压', '卵巢恶性肿瘤']));
  });
});

describe('misuse', () => {
  it('rejects an unknown type or system with BAD_USER_INPUT naming what was expected', () => {
    const err = (() => { try { index.normalise('NOPE' as never, 'x'); } catch (e) { return e; } return null; })();
    expect(isNormaliseError(err) && err.code).toBe('BAD_USER_INPUT');
    expect(() => index.lookup('ICD11' as never, 'C50')).toThrow("lookup: expected a system (ICD10, ICD9CM3, DRUG), got 'ICD11'");
  });

  it('fails to load a missing folder with CONCEPT_INDEX_LOAD_FAILED', async () => {
    await expect(loadConceptIndex('/nonexistent/concepts')).rejects.toMatchObject({ code: 'CONCEPT_INDEX_LOAD_FAILED' });
  });
});
