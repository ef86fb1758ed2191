/**
 * Strict validation of an imported learner-data file. Unlike the sanitizers
 * (which salvage what they can from storage), an import is all or nothing:
 * a wrong, corrupt or newer-version file is rejected with a clear message
 * and the reader's current data is left untouched.
 */
import { z } from 'astro/zod';
import { CURRENT_VERSION, EXPORT_APP, MAX_REFLECTION_LENGTH } from '../progress/progress';
import { migrateModel, type LearnerModel } from './model';
import { goalsSchema } from '../goals/schema';
import { networkSchema } from '../network/schema';
import { assessmentSchema } from '../assessment/schema';
import { dateTime, slug } from './schema-primitives';

/** The progress part, documented field by field. */
export const progressSchema = z
	.object({
		// Schema version of this part.
		version: z.literal(CURRENT_VERSION),
		// Completed lessons, keyed by lesson slug.
		lessons: z.record(slug, z.object({ completedAt: dateTime }).strict()),
		// The lesson (and heading) last read.
		lastVisit: z.object({ lesson: slug, position: slug.optional(), at: dateTime }).strict().optional(),
		// Reflection answers, keyed by prompt id.
		reflections: z.record(slug, z.object({ text: z.string().max(MAX_REFLECTION_LENGTH), updatedAt: dateTime }).strict()),
	})
	.strict();

/** The whole model of the current version. */
export const learnerModelSchema = z
	.object({
		progress: progressSchema,
		goals: goalsSchema,
		network: networkSchema,
		assessment: assessmentSchema,
	})
	.strict();

const fileSchema = z.object({
	app: z.literal(EXPORT_APP),
	exportedAt: dateTime,
	version: z.number().int().min(1),
	data: z.record(z.string(), z.unknown()),
});

export type ImportResult = { ok: true; model: LearnerModel } | { ok: false; message: string };

/** Largest file accepted (characters): far above any real export. */
export const MAX_IMPORT_LENGTH = 5_000_000;

function describe(issue: z.core.$ZodIssue): string {
	const path = issue.path.map(String).join('.');
	return path ? `${path}: ${issue.message}` : issue.message;
}

/** Validates the text of an exported file and returns the model it holds. */
export function parseImportFile(text: string): ImportResult {
	if (text.length > MAX_IMPORT_LENGTH) return { ok: false, message: 'This file is too large to be a course data export.' };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, message: 'This file is not valid JSON, so it cannot be a course data export.' };
	}
	const file = fileSchema.safeParse(json);
	if (!file.success) {
		return { ok: false, message: 'This file is not a data export from this course (it lacks the course’s markers).' };
	}
	if (file.data.version > CURRENT_VERSION) {
		return {
			ok: false,
			message: `This file comes from a newer version of the course (data version ${file.data.version}; this site reads up to ${CURRENT_VERSION}). Nothing was changed.`,
		};
	}
	let migrated: Record<string, unknown>;
	try {
		migrated = migrateModel(file.data.data, file.data.version);
	} catch (error) {
		return { ok: false, message: `This file could not be upgraded: ${(error as Error).message}` };
	}
	const { version: _version, ...model } = migrated;
	const parsed = learnerModelSchema.safeParse(model);
	if (!parsed.success) {
		const details = parsed.error.issues.slice(0, 3).map(describe).join('; ');
		return { ok: false, message: `This file is damaged or has been edited (${details}). Nothing was changed.` };
	}
	return { ok: true, model: parsed.data as LearnerModel };
}
