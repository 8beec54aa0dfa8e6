/**
 * Label sets that public data sets annotate, used to decide which predicted types are fair to score: a model trained
 * on a union of data sets must not be penalised on a file for types that file never annotates.
 */
export const KNOWN_DATASETS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'ccks2019': ['疾病和诊断', '影像检查', '实验室检验', '手术', '药物', '解剖部位'],
  'ccks2017': ['症状和体征', '检查和检验', '治疗', '疾病和诊断', '身体部位'],
});

/**
 * Labels to score by default: the gold file's labels ∪ the model labels that the data set is known to annotate.
 * The data set is every known one whose label set contains all gold labels; if several fit, only labels all of them
 * annotate are added (a safe choice when a small sample leaves the data set ambiguous).
 *
 * @example scoredLabels(['疾病和诊断', '手术'], ['疾病和诊断', '手术', '药物', '症状和体征']) → ['疾病和诊断', '手术', '药物']
 */
export function scoredLabels(goldLabels: Iterable<string>, modelLabels: readonly string[]): string[] {
  const gold = new Set(goldLabels);
  const fitting = Object.values(KNOWN_DATASETS).filter((labels) => [...gold].every((l) => labels.includes(l)));
  const out = new Set(gold);
  if (fitting.length > 0) {
    for (const label of modelLabels) if (fitting.every((labels) => labels.includes(label))) out.add(label);
  }
  return [...out];
}

/**
 * The known data set the gold labels identify: the only one whose label set contains them all; null when none or
 * several fit (e.g. a file annotating only 疾病和诊断, which both CCKS sets annotate).
 *
 * @example identifyDataset(['症状和体征', '身体部位']) → 'ccks2017'; identifyDataset(['疾病和诊断']) → null
 */
export function identifyDataset(goldLabels: Iterable<string>): string | null {
  const gold = [...new Set(goldLabels)];
  const fitting = Object.entries(KNOWN_DATASETS).filter(([, labels]) => gold.every((l) => labels.includes(l)));
  return fitting.length === 1 ? (fitting[0] as [string, readonly string[]])[0] : null;
}
