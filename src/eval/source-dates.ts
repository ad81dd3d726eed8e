/**
 * The academic datasets' sources were written before the texts checked against them: that is how
 * each dataset was made. Their harnesses record it as a corpus catalog would, by dating every
 * source, while the checked texts stay undated; a dated article is earlier than an undated page,
 * so the engine is told the order the dataset states and no more. Two undated texts would be an
 * unknown order (README, "How it decides"). Any date would do: only that the sources have one
 * matters.
 */
export const DATASET_SOURCES_PUBLISHED = '2000-01-01';
