// The enum labels still live in the app's theme; this is the one line records/ reads them through,
// so moving them beside the schema repoints a single import.
export { DISCREPANCY_KIND_LABEL, KIND_LABEL, SOURCE_KIND_LABEL, STATUS_LABEL, TYPE_LABEL } from '../app/theme';
