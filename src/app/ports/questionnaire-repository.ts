/** Outcome questionnaires (BPI, PROMIS) as answered, with the scores computed when stored. */
export interface QuestionnaireResponse {
  readonly id: string;
  readonly patientId: string;
  /** `bpi`, `promis-global10` or `promis-pf-4a`. */
  readonly instrument: string;
  readonly instrumentVersion: number;
  /** `YYYY-MM-DD`. */
  readonly answeredOn: string;
  readonly answers: Readonly<Record<string, number | null>>;
  readonly scores: Readonly<Record<string, unknown>>;
  readonly recordedAt: string;
}

export interface QuestionnaireRepository {
  /** Audited as `questionnaire.create`. */
  create(input: Omit<QuestionnaireResponse, "id" | "recordedAt">): Promise<QuestionnaireResponse>;
  /** Oldest first. Audited as `questionnaire.list`. */
  listForPatient(patientId: string): Promise<readonly QuestionnaireResponse[]>;
}
