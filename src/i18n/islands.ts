/**
 * The strings each island is handed, listed once per custom element. Its
 * component renders `data-strings={islandStrings('<tag>')}`; the island reads
 * them with `readStrings<'<tag>'>(this)` (./island.ts) and gets exactly these
 * keys, typed. So a key an island uses must be listed here and exist in a
 * catalog, or `astro check` fails; and only the words an island needs ride
 * in the page's HTML. Islands import this module's types only.
 *
 * Words already in the markup are not sent again (labels, the sector names
 * of a sector list: network/tool-kit.ts reads those from the page). The
 * search dialog, the newsletter form's in-place sending and the network
 * tools' field errors import their own catalogs (search.en.json,
 * newsletter-form.en.json, network-errors.en.json) instead: they load only
 * on use, so their words stay out of every page's HTML.
 */
import { keysStartingWith, pick, type StringKey } from './index';

/** The own-sector question inside a tool (network/OwnSector.astro). */
const ownSector = ['network.notRecorded', 'network.own.saved'] as const;

export const ISLAND_STRINGS = {
	'add-goal-button': ['goals.add.announce'],
	'continue-course': ['home.start', 'home.continue', 'home.review', 'home.allDone', 'progress.count'],
	'course-outline': ['progress.count', 'progress.outlineDone'],
	'lesson-complete': [
		'progress.count',
		'progress.completedOn',
		'progress.notCompleted',
		'progress.announceDone',
		'progress.announceUndone',
	],
	'reflection-prompt': ['reflect.saved', 'reflect.saving', 'reflect.notSaved'],
	'storage-notice': ['storage.unavailable', 'storage.unavailablePage', 'storage.repaired'],
	'data-manager': [
		'data.none',
		'data.storageOk',
		'storage.unavailable',
		'storage.unavailablePage',
		...keysStartingWith('data.lessonsCount.'),
		...keysStartingWith('data.reflectionsCount.'),
		'data.downloaded',
		'data.importConfirm',
		'data.imported',
		'data.importCancelled',
		'data.importError',
		'data.erased',
	],
	'goals-board': [
		'goals.progress',
		'goals.target',
		'goals.doneOn',
		...keysStartingWith('goals.showing.'),
		'goals.markedDone',
		'goals.markedOpen',
		'goals.deleted',
		'goals.restored',
		'goals.saved',
		'goals.added',
		'goals.notSaved',
		'goals.error.textEmpty',
		'goals.error.textLong',
		'goals.error.textControl',
		'goals.error.date',
		'goals.error.notesLong',
		'goals.error.notesControl',
		'goals.calendar.none',
		...keysStartingWith('goals.calendar.done.'),
		'goals.calendar.name',
		'goals.calendar.link',
		'goals.calendar.error',
		'goals.loadError',
	],
	'self-assessment': [
		'assessment.progress',
		'assessment.takenOn',
		'assessment.comparedWith',
		'assessment.overall',
		'assessment.overallChange',
		'assessment.chartWas',
		'assessment.resultsTitle',
		'assessment.sharedTitle',
		'assessment.sharedSaved',
		'assessment.scoreOf',
		'assessment.historyItem',
		'assessment.viewHidden',
		'assessment.copied',
		'assessment.copyFailed',
		'assessment.cleared',
		...keysStartingWith('assessment.linkError.'),
		'assessment.errorItem',
	],
	'invitations-tool': [
		...ownSector,
		...keysStartingWith('network.invitations.logged'),
		'network.invitations.duplicate',
		'network.invitations.result',
		'network.invitations.resultNoSector',
		'network.invitations.resultUnknown',
		'network.invitations.resultEmpty',
		'network.invitations.recent',
		'network.invitations.recentItem',
		...keysStartingWith('network.invitations.was.'),
	],
	'benefits-tool': [
		'network.none',
		...keysStartingWith('network.benefit.'),
		'network.benefits.saved',
		'network.benefits.result',
		'network.benefits.lacking',
		'network.benefits.allCovered',
		'network.benefits.tableCaption',
		'network.benefits.colBenefit',
		'network.benefits.colToMe',
		'network.benefits.colFromMe',
	],
	'probability-tool': [
		'network.probability.result',
		'network.probability.needed',
		'network.probability.outreach',
		'network.probability.outreachNone',
		'network.probability.you',
		'network.probability.chartLabel',
		'network.probability.clamped',
	],
	'referrals-tool': [
		'network.unknownPerson',
		'network.referrals.result',
		'network.referrals.resultNone',
		'network.referrals.mark',
		'network.referrals.marked',
		'network.referrals.added',
		'network.referrals.duplicate',
		'network.referrals.item',
	],
	'diversity-tool': [
		...ownSector,
		'network.chart.table',
		'network.diversity.mixTitle',
		'network.diversity.empty',
		'network.diversity.reading',
		'network.diversity.readingNone',
		'network.diversity.newLine',
		'network.diversity.listTitle',
		'network.diversity.added',
		'network.diversity.chartLabel',
		'network.diversity.index',
		'network.diversity.unknown',
		...keysStartingWith('network.diversity.level.'),
		'network.diversity.birds',
		'network.diversity.noBirds',
		'network.diversity.colSector',
		'network.diversity.colContacts',
		'network.diversity.colShare',
	],
	'initiative-tool': [
		'network.chart.table',
		'network.initiative.noneMonth',
		'network.initiative.chartTitle',
		'network.initiative.overall',
		'network.initiative.overallNone',
		'network.initiative.record',
		'network.initiative.recorded',
		'network.initiative.chartLabel',
		'network.initiative.dueItem',
		'network.initiative.colMonth',
		'network.initiative.colMe',
		'network.initiative.colThem',
		'network.initiative.colShare',
	],
	'network-manager': [
		...ownSector,
		'network.none',
		'network.unknownPerson',
		...keysStartingWith('network.page.'),
		...keysStartingWith('network.start.'),
		...keysStartingWith('network.initiator.'),
		...keysStartingWith('network.followUp.'),
		...keysStartingWith('network.benefit.'),
		'network.invitations.result',
		'network.invitations.resultNoSector',
		'network.invitations.resultEmpty',
		...keysStartingWith('network.invitations.was.'),
		'network.invitations.recentItem',
		'network.benefits.result',
		'network.benefits.lacking',
		'network.benefits.allCovered',
		'network.referrals.result',
		'network.referrals.resultNone',
		'network.diversity.index',
		...keysStartingWith('network.diversity.level.'),
		'network.diversity.birds',
		'network.diversity.noBirds',
		'network.diversity.newLine',
		'network.initiative.overall',
		'network.initiative.overallNone',
	],
} as const satisfies Record<string, readonly StringKey[]>;

/** An island's element name. */
export type IslandTag = keyof typeof ISLAND_STRINGS;
/** The keys island `T` is handed. */
export type IslandKey<T extends IslandTag> = (typeof ISLAND_STRINGS)[T][number];

/** The `data-strings` attribute for island `tag`: its strings as JSON. */
export function islandStrings(tag: IslandTag): string {
	return JSON.stringify(pick(...ISLAND_STRINGS[tag]));
}
