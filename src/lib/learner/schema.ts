/**
 * Strict validation of an imported learner-data file. Unlike reading storage
 * (which salvages what it can), an import is all or nothing: a wrong,
 * corrupt or newer-version file is refused, saying why, and the reader's
 * current data is left untouched. The check is each part's own description
 * (`PARTS` in ./model.ts), read strictly by ./check.ts: nothing is described
 * twice.
 *
 * Results are data: the data page words them from src/i18n/en.json
 * (`data.import.*`). Loaded only when the reader imports a file.
 */
import type { StringKey } from '../../i18n';
import { EXPORT_APP, PARTS, migrateModel, type LearnerModel } from './model';
import type { Phrase, PhraseVars } from './phrase';
import { check, type Issue } from './check';
import { dateTime, fit, integer, is, object, type IssueCode } from './shape';
import { CURRENT_VERSION } from './stored-part';
import { isObject, type Json } from './values';

/** Largest file accepted (characters): far above any real export. */
export const MAX_IMPORT_LENGTH = 5_000_000;

/** One problem of a damaged file: where (`progress.lessons.seek-linkages.completedAt`) and what, as a catalog key. */
export interface ImportProblem {
	path: string;
	key: StringKey;
}

/** The model a file holds, or why it was refused (with at most three problems when it is damaged). */
export type ImportResult = { ok: true; model: LearnerModel } | { ok: false; error: Phrase; problems: ImportProblem[] };

/** The wrapper every export has (extra fields are ignored: they hold nothing the site keeps). */
const exportFile = object({
	app: is((value): value is typeof EXPORT_APP => value === EXPORT_APP, 'choice'),
	exportedAt: dateTime,
	version: integer(1, Number.MAX_SAFE_INTEGER),
	data: is(isObject, 'type'),
});

/** The whole model of the current version: every part, checked strictly by its own description. */
const learnerModel = object(PARTS);

/** The catalog key that words an issue. */
function issueKey(code: IssueCode): StringKey {
	return `data.import.issue.${code}`;
}

function refuse(key: StringKey, vars: PhraseVars = {}, issues: Issue[] = []): ImportResult {
	return {
		ok: false,
		error: { key, vars },
		problems: issues.slice(0, 3).map(({ path, code }) => ({ path: path.join('.'), key: issueKey(code) })),
	};
}

/** Validates the text of an exported file and returns the model it holds. */
export function parseImportFile(text: string): ImportResult {
	if (text.length > MAX_IMPORT_LENGTH) return refuse('data.import.tooLarge');
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return refuse('data.import.notJson');
	}
	const file = fit(exportFile, json);
	if (!file) return refuse('data.import.notExport');
	if (file.version > CURRENT_VERSION) return refuse('data.import.newer', { version: file.version, current: CURRENT_VERSION });
	let migrated: Json | undefined;
	try {
		migrated = migrateModel(file.data, file.version);
	} catch {
		// A step failed on damaged data: said below.
	}
	if (!migrated) return refuse('data.import.notUpgraded', { version: file.version });
	const { version: _version, ...data } = migrated;
	const issues: Issue[] = [];
	if (!check(learnerModel, data, issues)) return refuse('data.import.damaged', {}, issues);
	// What the import keeps is what the next page load reads back: each part through its own reader.
	const model = Object.fromEntries(Object.entries(PARTS).map(([name, part]) => [name, part.read(data[name]).state]));
	return { ok: true, model: model as LearnerModel };
}
