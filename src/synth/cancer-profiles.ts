/**
 * What a synthetic patient's records talk about, per primary cancer: how the diagnosis, the operation and the
 * drugs are written (with their codes), and the imaging, lab tests, symptoms and body parts around them. `weight`
 * is the share of patients (a rough mix of a Chinese oncology ward).
 */
export type Coded = readonly [text: string, code: string];

export interface CancerProfile {
  name: string;
  weight: number;
  diagnoses: readonly Coded[];
  surgeries: readonly Coded[];
  /** Generic drug names (coded through the vocabulary's DRUG concepts when listed there). */
  drugs: readonly string[];
  regimen: string;
  imaging: readonly string[];
  labs: readonly string[];
  symptoms: readonly string[];
  anatomy: readonly string[];
}

export const CANCER_PROFILES: readonly CancerProfile[] = [
  {
    name: 'breast', weight: 30,
    diagnoses: [['左乳腺癌', 'C50.9'], ['右乳腺癌', 'C50.9'], ['乳腺浸润性导管癌', 'C50.9'], ['左乳外上象限乳腺癌', 'C50.4']],
    surgeries: [['左乳癌改良根治术', '85.43'], ['乳腺癌改良根治术', '85.43'], ['右乳癌根治术', '85.45']],
    drugs: ['表柔比星', '环磷酰胺', '多西他赛', '曲妥珠单抗', '来曲唑', '他莫昔芬'],
    regimen: 'EC-T方案',
    imaging: ['乳腺超声', '乳腺钼靶', '胸部CT', '骨扫描'],
    labs: ['CA153', 'CEA', '血常规', '肝功能'],
    symptoms: ['乳房肿物', '乳头溢液', '乏力'],
    anatomy: ['左乳', '右乳', '腋窝淋巴结'],
  },
  {
    name: 'lung', weight: 25,
    diagnoses: [['右肺腺癌', 'C34.9'], ['左肺上叶腺癌', 'C34.1'], ['肺癌', 'C34.9'], ['肺鳞癌', 'C34.9']],
    surgeries: [['胸腔镜下右肺上叶切除术', '32.41'], ['胸腔镜下肺叶切除术', '32.41']],
    drugs: ['顺铂', '培美曲塞', '卡铂', '吉非替尼', '奥希替尼'],
    regimen: 'PC方案',
    imaging: ['胸部CT', 'PET-CT', '头颅MRI'],
    labs: ['CEA', 'CYFRA21-1', '血常规', '肾功能'],
    symptoms: ['咳嗽', '咯血', '胸痛'],
    anatomy: ['右肺上叶', '左肺', '纵隔淋巴结'],
  },
  {
    name: 'gastric', weight: 15,
    diagnoses: [['胃癌', 'C16.9'], ['胃窦腺癌', 'C16.9'], ['胃低分化腺癌', 'C16.9']],
    surgeries: [['根治性远端胃大部切除术', '43.7'], ['胃癌根治术', '43.7']],
    drugs: ['奥沙利铂', '卡培他滨', '多西他赛'],
    regimen: 'XELOX方案',
    imaging: ['腹部CT', '胃镜'],
    labs: ['CEA', 'CA199', '血常规', '大便潜血'],
    symptoms: ['上腹痛', '黑便', '消瘦'],
    anatomy: ['胃窦', '胃体'],
  },
  {
    name: 'colorectal', weight: 15,
    diagnoses: [['结肠癌', 'C18.9'], ['升结肠腺癌', 'C18.9'], ['结肠中分化腺癌', 'C18.9']],
    surgeries: [['腹腔镜右半结肠切除术', '45.73'], ['右半结肠癌根治术', '45.73']],
    drugs: ['奥沙利铂', '卡培他滨'],
    regimen: 'XELOX方案',
    imaging: ['腹部CT', '肠镜'],
    labs: ['CEA', 'CA199', '血常规'],
    symptoms: ['便血', '腹痛', '排便习惯改变'],
    anatomy: ['升结肠', '回盲部'],
  },
  {
    name: 'liver', weight: 10,
    diagnoses: [['肝细胞癌', 'C22.0'], ['原发性肝癌', 'C22.0']],
    surgeries: [['肝部分切除术', '50.22'], ['腹腔镜肝癌切除术', '50.22']],
    drugs: ['索拉非尼', '奥沙利铂'],
    regimen: 'FOLFOX方案',
    imaging: ['腹部增强CT', '肝脏MRI', '腹部超声'],
    labs: ['AFP', '肝功能', '凝血功能'],
    symptoms: ['右上腹痛', '乏力', '纳差'],
    anatomy: ['肝右叶', '肝左叶'],
  },
  {
    name: 'thyroid', weight: 5,
    diagnoses: [['甲状腺乳头状癌', 'C73'], ['甲状腺癌', 'C73']],
    surgeries: [['甲状腺全切术', '06.4'], ['甲状腺癌根治术', '06.4']],
    drugs: ['左甲状腺素'],
    regimen: '',
    imaging: ['甲状腺超声', '颈部CT'],
    labs: ['甲状腺功能', 'Tg', '血常规'],
    symptoms: ['颈部肿物', '声音嘶哑'],
    anatomy: ['甲状腺', '颈部淋巴结'],
  },
];

/** Mentions every record may carry whatever the cancer. */
export const COMMON = {
  labs: ['血常规', '肝功能', '肾功能', '电解质', '凝血功能', '尿常规'],
  symptoms: ['发热', '恶心', '呕吐', '乏力', '食欲下降'],
  exams: ['体格检查', '心电图'],
  anatomy: ['双肺', '心脏', '腹部'],
} as const;
