// The words of policy prose in general (data/generic-terms.json), which say nothing of which task a span is about.
import data from '../../../data/generic-terms.json';

export const GENERIC_TERMS: readonly string[] = data.terms;
