/**
 * The whole learner model, as exported and imported: every stored part
 * (progress, goals, network map, assessment) under its name. Each part is
 * stored under its own key so a page loads only the parts it uses; this
 * module joins them for the export file, and ./schema.ts checks an imported
 * one. Only the "Your data" page loads it.
 *
 * Adding a part: describe it in its feature folder (as ../goals/goals.ts
 * describes `goalsPart`), list it in `PARTS`, give it a store
 * (src/stores/) and, since older exports lack it, fill it in with a step of
 * `MODEL_MIGRATIONS` when `CURRENT_VERSION` goes up.
 */
import { progressPart } from '../progress/progress';
import { goalsPart } from '../goals/goals';
import { networkPart } from '../network/network';
import { assessmentPart } from '../assessment/assessment';
import { CURRENT_VERSION, migrate, type Migration, type StateOf } from './stored-part';
import type { Json } from './values';

/** Identifies exported files as ours. */
export const EXPORT_APP = 'strategic-network-course';

/** Every stored part of the model, by its name in the model and in export files. */
export const PARTS = { progress: progressPart, goals: goalsPart, network: networkPart, assessment: assessmentPart };

/** The whole model: each part's stored state under its name. */
export type LearnerModel = { [Name in keyof typeof PARTS]: StateOf<(typeof PARTS)[Name]> };

/** A model with nothing in it. */
export function emptyModel(): LearnerModel {
	return Object.fromEntries(Object.entries(PARTS).map(([name, part]) => [name, part.empty()])) as LearnerModel;
}

/**
 * Whole-model steps between versions. A version-1 export held only progress,
 * flat: `{ version, lessons, lastVisit, reflections }`. Version 2 nests it
 * under `progress` beside the new parts, which start empty.
 */
export const MODEL_MIGRATIONS: Record<number, Migration> = {
	1: (data: Json) => ({ ...emptyModel(), progress: { ...data, version: 2 } }),
};

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

/** Lifts whole-model data of `version` to the current version (undefined when it cannot). */
export function migrateModel(data: Json, version: number): Json | undefined {
	return migrate({ ...data, version }, MODEL_MIGRATIONS);
}
