/**
 * Inputs of section 7 (analysis engine): a deterministic 60-minute call from the Gong simulator's
 * call generator, imported through `CallImportService`, and the prompt context of one scored
 * participant against the largest rubric, exactly as `AnalysisRunner` builds it. (The fake
 * model's answers are in analysis-answer.ts.)
 */
import {
  loadCallForAnalysis, productKnowledge, scoredSubjects, SimulatorDataset, toDimensionSpec,
  type App, type DimensionSpec, type PromptContext, type RubricDimension,
} from "./src-imports";

/** Length of the benchmark call (the generator's `durationSec`). */
export const CALL_SECONDS = 3600;
/** Seed of the simulator dataset: its first added call is a Horizon demo with an AE and an SE speaking. */
export const SIM_SEED = 8;

export interface ImportedCall {
  callId: string;
  title: string;
  segments: number;
  participants: number;
}

/** Generates the 60-minute call (the first call added to the simulator dataset of SIM_SEED) and imports it. */
export async function importSixtyMinuteCall(app: App): Promise<ImportedCall> {
  const dataset = new SimulatorDataset(SIM_SEED, 0);
  const sim = dataset.get(dataset.addCall({ durationSec: CALL_SECONDS }))!;
  const imp = app.services.callImport;
  const r = await imp.importCall(imp.fromJson(sim.call, sim.transcript));
  return { callId: r.callId, title: String(sim.call.metaData.title), segments: r.segments, participants: r.participants };
}

export interface BenchPrompt {
  ctx: PromptContext;
  dims: DimensionSpec[];
  rubricRole: string;
  /** Who is scored and why (for the output). */
  subjectNote: string;
  /** Internal participants who spoke (each is one analysis). */
  scoredParticipants: number;
  transcriptChars: number;
}

/**
 * The prompt context of the call's first scored participant against the rubric with the most
 * dimensions (ties: the first role alphabetically), built as AnalysisRunner.runClaude builds it.
 */
export async function benchPrompt(app: App, callId: string): Promise<BenchPrompt> {
  const ds = app.db.dataSource;
  const loaded = await loadCallForAnalysis(ds.manager, callId);
  if (!loaded) throw new Error(`call ${callId} not found`);
  const subjects = scoredSubjects(loaded, app.config.analysis.assumedRole);
  if (subjects.length === 0) throw new Error("the generated call has no scored participant");
  const rubrics: { role: string; name: string; description: string | null; dimensions: RubricDimension[] }[] = await ds.query(
    `SELECT role, name, description, dimensions FROM rubrics ORDER BY jsonb_array_length(dimensions) DESC, role LIMIT 1`,
  );
  if (rubrics.length === 0) throw new Error("no rubric loaded");
  const rubric = rubrics[0];
  const matching = subjects.find((s) => s.role === rubric.role);
  const subject = matching ?? subjects[0];
  const subjectNote = matching ? `the scored ${rubric.role}` : `first scored participant, a ${subject.role} scored against the ${rubric.role} rubric`;
  subject.role = rubric.role as typeof subject.role;
  const dims = rubric.dimensions.map(toDimensionSpec);
  const call = loaded.call;
  return {
    ctx: {
      call,
      subject,
      rubricName: rubric.name,
      rubricDescription: rubric.description ?? "",
      dimensions: dims,
      productKnowledge: productKnowledge(app.config.knowledgeDir, call.product),
      lines: call.lines,
    },
    dims,
    rubricRole: rubric.role,
    subjectNote,
    scoredParticipants: subjects.length,
    transcriptChars: call.lines.reduce((n, l) => n + l.text.length, 0),
  };
}
