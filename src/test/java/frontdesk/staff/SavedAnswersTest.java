package frontdesk.staff;

import java.util.List;

import org.junit.jupiter.api.Test;

import frontdesk.conversation.SavedAnswer;
import frontdesk.conversation.UnansweredQuestion;

import static org.assertj.core.api.Assertions.assertThat;

class SavedAnswersTest {

	static final SavedAnswer RETURNS = new SavedAnswer("return_item", "Returning an item", "Returns are free.");

	static final SavedAnswer REFUNDS = new SavedAnswer("refund_status", "Where is my refund?", "Refunds take 5 days.");

	static final SavedAnswer SHIPPING = new SavedAnswer("shipping_cost", "Delivery costs", "Delivery is £3.95.");

	static final List<SavedAnswer> ANSWERS = List.of(RETURNS, REFUNDS, SHIPPING);

	@Test
	void findsAnAnswerByItsIdOrItsLabelInAnyCaseWithSpacesOrDashesForUnderscores() {
		assertThat(SavedAnswers.find(ANSWERS, "return_item")).contains(RETURNS);
		assertThat(SavedAnswers.find(ANSWERS, "Return-Item")).contains(RETURNS);
		assertThat(SavedAnswers.find(ANSWERS, "return item")).contains(RETURNS);
		assertThat(SavedAnswers.find(ANSWERS, "where is my REFUND")).contains(REFUNDS);
		assertThat(SavedAnswers.find(ANSWERS, "returns")).isEmpty();
		assertThat(SavedAnswers.find(ANSWERS, "?")).isEmpty();
		assertThat(SavedAnswers.find(ANSWERS, "")).isEmpty();
	}

	@Test
	void listsTheAnswersWhoseNamesHaveAWordOfWhatWasAskedFor() {
		assertThat(SavedAnswers.list(ANSWERS, "the refund please", null)).isEqualTo("""
				No saved answer is called "the refund please". Did you mean:
				refund_status — Where is my refund?""");
		assertThat(SavedAnswers.list(ANSWERS, "return or refund", null)).isEqualTo("""
				No saved answer is called "return or refund". Did you mean:
				return_item — Returning an item
				refund_status — Where is my refund?""");
	}

	@Test
	void listsThemAllWhenNoneWasNamedOrNoNameIsClose() {
		String all = """
				The saved answers (send one with /answer and its name, e.g. /answer return_item):
				return_item — Returning an item
				refund_status — Where is my refund?
				shipping_cost — Delivery costs""";
		assertThat(SavedAnswers.list(ANSWERS, "", null)).isEqualTo(all);
		assertThat(SavedAnswers.list(ANSWERS, "gift wrap", null)).isEqualTo("No saved answer is called \"gift wrap\". " + all);
		assertThat(SavedAnswers.list(List.of(), "", null)).startsWith("There are no saved answers");
	}

	@Test
	void putsTheBotsBestGuessForTheCustomersQuestionFirstWhenNoneWasNamed() {
		UnansweredQuestion asked = new UnansweredQuestion(7, "my refund hasn't come", "refund_status");
		assertThat(SavedAnswers.list(ANSWERS, "", asked)).isEqualTo("""
				For “my refund hasn't come” the bot's best guess: refund_status — Where is my refund?
				The saved answers (send one with /answer and its name, e.g. /answer refund_status):
				return_item — Returning an item
				refund_status — Where is my refund?
				shipping_cost — Delivery costs""");
		assertThat(SavedAnswers.list(ANSWERS, "", new UnansweredQuestion(7, "hello?", "greeting")))
			.as("a guess with no saved answer").startsWith("The saved answers");
		assertThat(SavedAnswers.list(ANSWERS, "", new UnansweredQuestion(7, "hello?", null))).startsWith("The saved answers");
		assertThat(SavedAnswers.list(ANSWERS, "refund", asked)).startsWith("No saved answer is called");
	}

	@Test
	void aLongNameIsShortenedWhereItIsRepeated() {
		String wanted = "could you please tell the customer everything about our gift wrapping service and its prices";
		assertThat(SavedAnswers.list(ANSWERS, wanted, null)).startsWith("No saved answer is called \"could you please")
			.contains("…\". The saved answers");
	}
}
