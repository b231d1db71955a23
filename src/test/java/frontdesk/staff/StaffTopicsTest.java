package frontdesk.staff;

import org.junit.jupiter.api.Test;

import frontdesk.conversation.CustomerProfile;

import static org.assertj.core.api.Assertions.assertThat;

class StaffTopicsTest {

	@Test
	void titlesATopicWithTheNameAndUsernameOrTheChannelAndTheEndOfTheId() {
		assertThat(StaffTopics.title(new CustomerProfile("telegram", "42", "Ada", "ada"))).isEqualTo("Ada (@ada)");
		assertThat(StaffTopics.title(new CustomerProfile("telegram", "5000000042", "Ada", null))).isEqualTo("Ada (…0042)");
		assertThat(StaffTopics.title(new CustomerProfile("web", "v-8f3a91c2", null, null)))
			.isEqualTo("Customer (web 91c2)");
	}

	@Test
	void callsACustomerWithABlankNameCustomer() {
		assertThat(StaffTopics.title(new CustomerProfile("telegram", "42", "  ", "ada"))).isEqualTo("Customer (@ada)");
	}

	@Test
	void keepsATitleWithinTelegramsLengthWithoutHalfAnEmoji() {
		String name = "a".repeat(127) + "😀";

		String title = StaffTopics.title(new CustomerProfile("telegram", "42", name, "ada"));

		assertThat(title).isEqualTo("a".repeat(127));
	}
}
