/**
 * The whole learner model at once, for the "Your data" page: export, import
 * and erase every part together. Other pages import only the parts they use.
 */
import { PARTS, type LearnerModel } from '../lib/learner/model';
import { $progress } from './progress';
import { $goals, GOALS_KEY } from './goals';
import { $network, NETWORK_KEY } from './network';
import { $assessment, ASSESSMENT_KEY } from './assessment';
import { $repairNotice, STORAGE_KEY, erasePart } from './persist';

export { $progress, $goals, $network, $assessment };

/** Everything the reader has, as one model. */
export function currentModel(): LearnerModel {
	return { progress: $progress.get(), goals: $goals.get(), network: $network.get(), assessment: $assessment.get() };
}

/** Replaces every part with an imported (already validated) model. */
export function replaceModel(model: LearnerModel): void {
	$progress.set(model.progress);
	$goals.set(model.goals);
	$network.set(model.network);
	$assessment.set(model.assessment);
	$repairNotice.set([]);
}

/** Erases every part from this device. */
export function eraseModel(): void {
	erasePart($progress, STORAGE_KEY, PARTS.progress);
	erasePart($goals, GOALS_KEY, PARTS.goals);
	erasePart($network, NETWORK_KEY, PARTS.network);
	erasePart($assessment, ASSESSMENT_KEY, PARTS.assessment);
	$repairNotice.set([]);
}
