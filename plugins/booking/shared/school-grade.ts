/**
 * A child's school grade, the only thing besides a given name the centre keeps of a child:
 * enough to put them in the right group, too little to identify them.
 */
export const SCHOOL_GRADES = ['preschool', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export type SchoolGrade = (typeof SCHOOL_GRADES)[number];

const ZH_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

export const schoolGradeLabel = (grade: string, language: 'zh-CN' | 'en'): string => {
  if (grade === 'preschool') return language === 'en' ? 'Pre-school' : '学前';
  const n = Number(grade);
  if (!Number.isInteger(n) || n < 1 || n > 9) return grade;
  if (language === 'en') return `Grade ${n}`;
  return n <= 6 ? `${ZH_NUMBERS[n - 1]}年级` : `初${ZH_NUMBERS[n - 7]}`;
};

/** At most this many people besides the guardian may collect a child. */
export const MAX_COLLECTORS = 2;
