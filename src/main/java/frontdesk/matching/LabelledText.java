package frontdesk.matching;

/**
 * A text and the intent it should be matched to.
 *
 * @param text what a customer wrote
 * @param intent the intent id, or {@value Evaluation#OUT_OF_SCOPE} for a text that must not be answered
 */
public record LabelledText(String text, String intent) {

	/** Whether the text must not be answered. */
	public boolean outOfScope() {
		return Evaluation.OUT_OF_SCOPE.equals(intent);
	}

}
