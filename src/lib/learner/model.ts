/**
 * The whole learner model, as exported and imported: progress (lessons,
 * last visit, reflections) plus the goals, network map and assessment parts.
 * Each part is stored under its own key so a page loads only the parts it
 * uses; this module joins them for the export file and splits them again.
 */
import {
	CURRENT_VERSION,
	EXPORT_APP,
	emptyState,
	isObject,
	migrate,
	sanitize,
	type Json,
	type ProgressState,
	type Migration,
} from '../progress/progress';
import { emptyGoals, sanitizeGoals, type GoalsState } from '../goals/goals';
import { emptyNetwork, sanitizeNetwork, type NetworkState } from '../network/network';
import { emptyAssessment, sanitizeAssessment, type AssessmentState } from '../assessment/assessment';

export interface LearnerModel {
	progress: ProgressState;
	goals: GoalsState;
	network: NetworkState;
	assessment: AssessmentState;
}

/**
 * Whole-model steps between versions. A version-1 export held only progress,
 * flat: `{ version, lessons, lastVisit, reflections }`. Version 2 nests it
 * under `progress` beside the new parts, which start empty.
 */
export const MODEL_MIGRATIONS: Record<number, Migration> = {
	1: (data: Json) => ({
		progress: { ...data, version: 2 },
		goals: emptyGoals(),
		network: emptyNetwork(),
		assessment: emptyAssessment(),
	}),
};

/** A model with nothing in it. */
export function emptyModel(): LearnerModel {
	return { progress: emptyState(), goals: emptyGoals(), network: emptyNetwork(), assessment: emptyAssessment() };
}

/** The file a reader downloads: the whole model plus what identifies it. */
export interface ExportFile {
	app: typeof EXPORT_APP;
	exportedAt: string;
	version: number;
	data: LearnerModel;
}

/** Wraps the model for download. */
export function toExportFile(model: LearnerModel, now: Date): ExportFile {
	return { app: EXPORT_APP, exportedAt: now.toISOString(), version: CURRENT_VERSION, data: model };
}

/** Lifts whole-model data of `version` to the current version (throws when it cannot). */
export function migrateModel(data: Json, version: number): Json {
	return migrate({ ...data, version }, MODEL_MIGRATIONS);
}

/** Reads a whole model leniently, part by part, listing what was dropped. */
export function sanitizeModel(raw: unknown): { model: LearnerModel; dropped: string[] } {
	if (!isObject(raw)) return { model: emptyModel(), dropped: ['all data (unreadable)'] };
	const parts = [
		sanitize(raw.progress),
		sanitizeGoals(raw.goals),
		sanitizeNetwork(raw.network),
		sanitizeAssessment(raw.assessment),
	] as const;
	return {
		model: { progress: parts[0].state, goals: parts[1].state, network: parts[2].state, assessment: parts[3].state },
		dropped: parts.flatMap((part) => part.dropped),
	};
}
