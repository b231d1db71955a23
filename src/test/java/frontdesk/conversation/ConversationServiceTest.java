package frontdesk.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import frontdesk.intent.IntentsReloaded;
import frontdesk.matching.IntentMatcher;
import frontdesk.matching.MatchResult;
import frontdesk.matching.MatcherFactory;
import frontdesk.matching.MatchingSettings;
import frontdesk.matching.TrainingSet;
import frontdesk.matching.Understanding;
import frontdesk.matching.ScoredIntent;
import frontdesk.matching.Verdict;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialogue over the real database and the shipped intents, with a matcher whose verdicts the test decides.
 */
@SpringBootTest(properties = { "frontdesk.data-dir=./target/test-data/conversation-${random.uuid}", "frontdesk.telegram.token=" })
@Import(ConversationServiceTest.ScriptedMatcher.class)
class ConversationServiceTest {

	static final Map<String, MatchResult> VERDICTS = new ConcurrentHashMap<>();

	@Autowired
	ConversationService service;

	@Autowired
	MessageRepository messages;

	private static int customers;

	private final CustomerProfile customer = new CustomerProfile("test", "c" + (++customers), "Ada", "ada");

	private Response say(String text) {
		return service.handle(Inbound.text(customer, text, null));
	}

	private Response press(String data) {
		return service.handle(Inbound.button(customer, data));
	}

	private static MatchResult confident(String intent, double confidence) {
		return new MatchResult(Verdict.CONFIDENT, List.of(new ScoredIntent(intent, confidence)));
	}

	@Nested
	@RecordApplicationEvents
	class Blocking {

		@Autowired
		ApplicationEvents events;

		@Test
		void tellsOnlyWhenTheCustomerBlocksTheBotOrStartsItAgain() {
			say("hello");

			service.blocked(customer.channel(), customer.externalId(), true);
			service.blocked(customer.channel(), customer.externalId(), true);
			service.blocked(customer.channel(), customer.externalId(), false);
			service.blocked(customer.channel(), customer.externalId(), false);

			assertThat(events.stream(BotBlockChanged.class).map(BotBlockChanged::blocked)).containsExactly(true, false);
		}

		@Test
		void aCustomerWhoWritesHasStartedTheBotAgain() {
			say("hello");
			service.blocked(customer.channel(), customer.externalId(), true);

			say("hello again");

			assertThat(service.isBlocked(customer.channel(), customer.externalId())).isFalse();
			assertThat(events.stream(BotBlockChanged.class).map(BotBlockChanged::blocked)).containsExactly(true, false);
		}
	}

	@Nested
	@RecordApplicationEvents
	class DeliveryFailures {

		@Autowired
		ApplicationEvents events;

		@Test
		void tellsWhatDidNotReachTheCustomerAndWhy() {
			say("hello");

			service.deliveryFailed(customer.channel(), customer.externalId(), "Grace: Your refund went out today", false,
					"Bad Request: message is too long");

			assertThat(events.stream(DeliveryFailed.class)).singleElement().satisfies(failed -> {
				assertThat(service.customer(failed.customerId())).contains(customer);
				assertThat(failed.text()).isEqualTo("Grace: Your refund went out today");
				assertThat(failed.attachment()).isFalse();
				assertThat(failed.reason()).isEqualTo("Bad Request: message is too long");
			});
		}

		@Test
		void saysNothingAboutAChatOfNoKnownCustomer() {
			service.deliveryFailed(customer.channel(), "nobody-" + customer.externalId(), "Hello", false,
					"Bad Request: chat not found");

			assertThat(events.stream(DeliveryFailed.class)).isEmpty();
		}
	}

	@Nested
	class Answers {

		@Test
		void answersAConfidentMatchWithItsSuggestions() {
			VERDICTS.put("where is my parcel", confident("track_order", 0.9));

			Response response = say("where is my parcel");

			assertThat(response.replies()).singleElement().satisfies(reply -> {
				assertThat(reply.text()).containsIgnoringCase("track");
				assertThat(reply.buttons()).isNotEmpty().allMatch(button -> button.data().startsWith("i:"));
			});
		}

		@Test
		void rotatesAnswerVariants() {
			VERDICTS.put("hello", confident("greeting", 0.95));

			String first = say("hello").replies().get(0).text();
			String second = say("hello").replies().get(0).text();

			assertThat(first).isNotEqualTo(second).contains("Ada");
		}

		@Test
		void answersTheIntentOfAPressedButton() {
			Response response = press("i:shipping_cost");

			assertThat(response.replies()).singleElement().extracting(Reply::text).asString().contains("£");
			assertThat(response.notice()).isNull();
		}

		@Test
		void keepsAPressedButtonAsTheCustomerSawIt() {
			press("i:shipping_cost");
			assertThat(lastMessages(2).get(0).text()).isEqualTo("[button] Delivery costs");

			press("human");
			assertThat(lastMessages(2).get(0).text()).isEqualTo("[button] Talk to a person");

			press("i:no_such_intent");
			assertThat(lastMessages(1).get(0).text()).isEqualTo("[button] i:no_such_intent");
		}

		@Test
		void storesEachMessageWithWhatTheBotMadeOfIt() {
			VERDICTS.put("how much is postage", confident("shipping_cost", 0.8));

			say("how much is postage");

			List<Message> stored = lastMessages(2);
			assertThat(stored.get(0).author()).isEqualTo(Message.Author.CUSTOMER);
			assertThat(stored.get(0).outcome()).isEqualTo(Message.Outcome.ANSWERED);
			assertThat(stored.get(0).intentId()).isEqualTo("shipping_cost");
			assertThat(stored.get(0).confidence()).isEqualTo(0.8);
			assertThat(stored.get(1).author()).isEqualTo(Message.Author.BOT);
			assertThat(stored.get(1).intentId()).isEqualTo("shipping_cost");
		}
	}

	@Nested
	class NotSure {

		@Test
		void asksWhichOneWithAButtonPerCandidateAndSomethingElse() {
			VERDICTS.put("order problem", new MatchResult(Verdict.AMBIGUOUS,
					List.of(new ScoredIntent("order_late", 0.61), new ScoredIntent("track_order", 0.6))));

			Response response = say("order problem");

			assertThat(response.replies()).singleElement().satisfies(reply -> {
				assertThat(reply.text()).contains("Did you mean");
				assertThat(reply.buttons()).extracting(Reply.Button::data)
					.containsExactly("i:order_late", "i:track_order", "else");
			});
			assertThat(lastMessages(2).get(0).outcome()).isEqualTo(Message.Outcome.AMBIGUOUS);
		}

		@Test
		void belowTheThresholdAlsoOffersAPersonAndCountsAsAMiss() {
			VERDICTS.put("parcel thing", new MatchResult(Verdict.AMBIGUOUS, List.of(new ScoredIntent("track_order", 0.3))));

			Response response = say("parcel thing");

			assertThat(response.replies()).singleElement().satisfies(reply -> {
				assertThat(reply.text()).contains("Did you mean");
				assertThat(reply.buttons()).extracting(Reply.Button::data)
					.containsExactly("i:track_order", "else", "human");
			});
			assertThat(say("blorp").replies()).singleElement().extracting(Reply::text).asString()
				.contains("Would you like to talk to a person?");
		}

		@Test
		void fallsBackWithAButtonForAPersonAndKeepsTheBestGuess() {
			VERDICTS.put("blorp", new MatchResult(Verdict.UNKNOWN, List.of(new ScoredIntent("gift_cards", 0.2))));

			Response response = say("blorp");

			assertThat(response.replies()).singleElement().satisfies(reply -> {
				assertThat(reply.text()).contains("not sure I understood");
				assertThat(reply.buttons()).extracting(Reply.Button::data).containsExactly("human");
			});
			Message stored = lastMessages(2).get(0);
			assertThat(stored.outcome()).isEqualTo(Message.Outcome.UNKNOWN);
			assertThat(stored.intentId()).isEqualTo("gift_cards");
			assertThat(stored.confidence()).isEqualTo(0.2);
		}

		@Test
		void offersAPersonAfterTwoMissesInARow() {
			say("blorp one");
			Response second = say("blorp two");

			assertThat(second.replies()).singleElement().satisfies(reply -> {
				assertThat(reply.text()).contains("talk to a person");
				assertThat(reply.buttons()).extracting(Reply.Button::data).containsExactly("human");
			});
		}

		@Test
		void offersAPersonWhenNoneOfTheCandidatesFits() {
			Response response = press("else");

			assertThat(response.replies()).singleElement().satisfies(reply -> {
				assertThat(reply.text()).startsWith("No problem. Could you tell me a bit more");
				assertThat(reply.buttons()).extracting(Reply.Button::data).containsExactly("human");
			});
		}

		@Test
		void aQuestionTheBotMustNotAnswerIsAMissLikeOneItDoesNotUnderstand() {
			VERDICTS.put("tell me a joke", confident("out_of_scope", 0.9));

			Response first = say("tell me a joke");
			Response second = say("tell me a joke");

			assertThat(first.replies()).singleElement().extracting(Reply::text).asString().contains("not sure I understood");
			assertThat(second.replies()).singleElement().extracting(Reply::text).asString()
				.contains("Would you like to talk to a person?");
			assertThat(lastMessages(2).get(0).outcome()).isEqualTo(Message.Outcome.UNKNOWN);
		}

		@Test
		void asksForAShortQuestionWhenALongTextIsNotUnderstood() {
			Response response = say("word ".repeat(800));

			assertThat(response.replies()).singleElement().extracting(Reply::text).asString().contains("long message");
		}
	}

	@Nested
	@ExtendWith(OutputCaptureExtension.class)
	@TestPropertySource(properties = "frontdesk.conversation.start-suggestions=no_such_intent,out_of_scope")
	class StartSuggestionsTheIntentsDoNotHave {

		@Autowired
		Dialogue dialogue;

		@Autowired
		Understanding understanding;

		@Test
		void greetWithTheFirstAnswerableIntents() {
			Response response = say("/start");

			assertThat(response.replies()).singleElement().satisfies(reply -> assertThat(reply.buttons())
				.extracting(Reply.Button::data)
				.containsExactly("i:create_account", "i:reset_password", "i:update_account_details", "i:newsletter"));
		}

		@Test
		void areNamedInTheLogWhenTheIntentsLoadOrChange(CapturedOutput output) {
			int before = output.getOut().length();

			dialogue.on(new IntentsReloaded(understanding.current().intents()));

			assertThat(output.getOut().substring(before).split("\\R"))
				.filteredOn(line -> line.contains("start-suggestions"))
				.singleElement()
				.asString()
				.contains("names [no_such_intent, out_of_scope]", "the first few answerable intents instead");
		}

	}

	@Nested
	class Upset {

		@Autowired
		ConversationSettings settings;

		@Autowired
		Understanding understanding;

		@Test
		void theShippedWordsTellUpsetCustomersFromCalmOnes() {
			UpsetSigns signs = new UpsetSigns(settings.upsetWords());
			List<String> calm = new ArrayList<>(List.of("What if I'm unhappy with the item, can I return it?",
					"if I'm not happy with it can I send it back", "How many times can I use the discount code?",
					"What happens if nobody answers the door when the courier comes?",
					"what's the worst case delivery time", "I got a text saying my parcel is held, is it a scam?",
					"do you have fraud protection on card payments", "Do you sell rubbish bins?", "garbage bags",
					"If I rip off the tags can I still return it?", "I'm terrible at sizes, which size should I get?",
					"do you have Horrible Histories books", "Angry Birds plush", "no complaints, just a question",
					"can you deliver to my solicitor's office", "my code FREESHIPPINGUK does not work",
					"tell me a joke", "ridiculously fast delivery, thanks", "I'm still waiting for my order"));
			understanding.current().intents().intents().forEach(intent -> calm.addAll(intent.examples()));
			List<String> upset = List.of("I am disgusted with your service", "what a rip-off", "I'm really fed-up",
					"this is a waste of my time", "absolutely appalled", "I'm outraged", "what a joke",
					"this is so annoying", "very disappointing", "ffs where is my order", "where the hell is my order",
					"never ordering from you again", "still waiting for a reply", "I want to make a complaint",
					"WHERE IS MY REFUND", "this is fucking ridiculous");

			assertThat(calm).filteredOn(signs::in).isEmpty();
			assertThat(upset).filteredOn(text -> !signs.in(text)).isEmpty();
		}

		@Test
		void noOfferWhileTheCustomerWaitsForAPersonAndOneAgainInTheNextConversation() {
			say("/human");
			assertThat(say("THIS IS TAKING FOREVER").replies()).extracting(Reply::text)
				.noneMatch(text -> text.contains("frustrating"));
			say("/end");

			assertThat(say("THIS IS TAKING FOREVER").replies()).extracting(Reply::text)
				.anyMatch(text -> text.contains("frustrating"));
		}

		@Test
		void answersAnUpsetCustomersQuestionAndThenOffersAPersonOnce() {
			VERDICTS.put("how much is postage, this is ridiculous", confident("shipping_cost", 0.9));
			VERDICTS.put("how much is postage, this is RIDICULOUS", confident("shipping_cost", 0.9));

			Response upset = say("how much is postage, this is ridiculous");
			Response again = say("how much is postage, this is RIDICULOUS");

			assertThat(upset.replies()).hasSize(2);
			assertThat(upset.replies().get(0).text()).contains("£");
			assertThat(upset.replies().get(1).text()).startsWith("I'm sorry this has been frustrating");
			assertThat(upset.replies().get(1).buttons()).extracting(Reply.Button::data).containsExactly("human");
			assertThat(again.replies()).singleElement().extracting(Reply::text).asString().contains("£");
		}

		@Test
		void anAnswerThatSuggestsAPersonAlreadyNeedsNoSecondOffer() {
			VERDICTS.put("where is my parcel, this is ridiculous", confident("track_order", 0.9));

			Response upset = say("where is my parcel, this is ridiculous");

			assertThat(upset.replies()).singleElement().satisfies(reply -> assertThat(reply.buttons())
				.extracting(Reply.Button::data)
				.contains("i:talk_to_human"));
		}

		@Test
		void offersAPersonAtOnceRatherThanAskingAnUpsetCustomerToRephrase() {
			Response response = say("WHY DOES NOTHING EVER WORK WITH YOU");

			assertThat(response.replies()).singleElement().satisfies(reply -> {
				assertThat(reply.text()).startsWith("I'm sorry this has been frustrating");
				assertThat(reply.buttons()).extracting(Reply.Button::data).containsExactly("human");
			});
			assertThat(say("blorp").replies()).singleElement().extracting(Reply::text).asString()
				.contains("Would you like to talk to a person?");
		}

		@Test
		void saysNothingMoreToACalmCustomerOrOneWhoAskedForAPersonAlready() {
			VERDICTS.put("where is my parcel", confident("track_order", 0.9));
			VERDICTS.put("this is useless, get me a human", confident("talk_to_human", 0.9));

			assertThat(say("where is my parcel").replies()).hasSize(1);
			List<Reply> handedOff = say("this is useless, get me a human").replies();
			assertThat(handedOff).last().extracting(Reply::text).asString().containsIgnoringCase("your request is")
				.contains("#T-");
			assertThat(handedOff).extracting(Reply::text).noneMatch(text -> text.contains("frustrating"));
		}

	}

	@Nested
	class Commands {

		@Test
		void greetsWithSuggestionsOnStart() {
			Response response = say("/start");

			assertThat(response.replies()).singleElement().satisfies(reply -> {
				assertThat(reply.text()).startsWith("Hi Ada!");
				assertThat(reply.buttons()).extracting(Reply.Button::data)
					.containsExactly("i:track_order", "i:shipping_time", "i:return_item", "i:payment_methods");
			});
		}

		@Test
		void anOldWithdrawButtonDoesNotCancelANewRequest() {
			String first = say("/human").replies().get(0).buttons().get(0).data();
			press(first);
			String second = say("/human").replies().get(0).buttons().get(0).data();

			Response stale = press(first);

			assertThat(second).isNotEqualTo(first);
			assertThat(stale.replies()).isEmpty();
			assertThat(stale.notice()).contains("expired");
		}

		@Test
		void aGoodbyeWhileWaitingKeepsTheRequest() {
			VERDICTS.put("ok thanks bye", confident("goodbye", 0.9));
			String promise = say("/human").replies().get(0).text();

			Response response = say("ok thanks bye");

			assertThat(response.replies()).singleElement().extracting(Reply::text).asString()
				.contains("added that to your request");
			assertThat(say("/human").replies().get(0).text()).isEqualTo(promise);
		}

		@Test
		void endingWithTheButtonWhileWaitingKeepsTheRequest() {
			VERDICTS.put("how much is postage", confident("shipping_cost", 0.9));
			VERDICTS.put("how long does delivery take", confident("shipping_time", 0.9));
			say("how much is postage");
			assertThat(say("how long does delivery take").replies().get(0).buttons()).extracting(Reply.Button::data)
				.contains("done");
			String promise = say("/human").replies().get(0).text();

			assertThat(say("how much is postage").replies().get(0).buttons()).extracting(Reply.Button::data)
				.doesNotContain("done");
			Response pressed = press("done");

			assertThat(pressed.replies()).extracting(Reply::text).noneMatch(text -> text.contains("Thanks for chatting"));
			assertThat(say("/human").replies().get(0).text()).isEqualTo(promise);
		}

		@Test
		void explainsItselfOnHelpAndOnUnknownCommands() {
			assertThat(say("/help").replies().get(0).text()).contains("/human");
			assertThat(say("/frobnicate").replies().get(0).text()).contains("/human");
		}

		@Test
		void endStartsANewConversationAfterwards() {
			say("/start");
			Long first = lastMessages(1).get(0).conversationId();

			assertThat(say("/end").replies().get(0).text()).contains("Thanks for chatting");
			say("/start");

			assertThat(lastMessages(1).get(0).conversationId()).isNotEqualTo(first);
		}

		@Test
		void endSentAgainAfterAConversationClosedSaysGoodbyeWithoutOpeningAnotherToRate(@Autowired JdbcTemplate jdbc) {
			VERDICTS.put("do you deliver to Spain", confident("shipping_cost", 0.9));
			say("do you deliver to Spain");
			Reply rated = say("/end").replies().get(0);

			Reply again = say("/end").replies().get(0);

			assertThat(rated.text()).contains("How would you rate");
			assertThat(rated.buttons()).hasSize(5);
			assertThat(again.text()).contains("Thanks for chatting").doesNotContain("How would you rate");
			assertThat(again.buttons()).isEmpty();
			assertThat(jdbc.queryForObject("select count(*) from conversation c join customer u on u.id = c.customer_id"
					+ " where u.external_id = ?", Integer.class, customer.externalId())).isOne();
		}

		@Test
		void aTextThatOnlyMightBeAGoodbyeAsksRatherThanEndingTheConversation() {
			VERDICTS.put("how much is delivery", confident("shipping_cost", 0.9));
			VERDICTS.put("change", confident("goodbye", 0.47));
			say("how much is delivery");
			Long conversation = lastMessages(1).get(0).conversationId();

			Reply asked = say("change").replies().get(0);

			assertThat(asked.text()).contains("Did you mean");
			assertThat(asked.buttons()).extracting(Reply.Button::data).containsExactly("i:goodbye", "else");
			assertThat(say("how much is delivery").replies().get(0).text()).contains("£");
			assertThat(lastMessages(1).get(0).conversationId()).isEqualTo(conversation);
		}

		@Test
		void aGoodbyeOfferedUnderDidYouMeanPressedAfterTheConversationClosedHasExpired(@Autowired JdbcTemplate jdbc) {
			VERDICTS.put("how much is delivery", confident("shipping_cost", 0.9));
			VERDICTS.put("change", confident("goodbye", 0.47));
			say("how much is delivery");
			say("change");
			say("/end");

			Response late = press("i:goodbye");

			assertThat(late.notice()).contains("expired");
			assertThat(late.replies()).isEmpty();
			assertThat(jdbc.queryForObject("select count(*) from conversation c join customer u on u.id = c.customer_id"
					+ " where u.external_id = ?", Integer.class, customer.externalId())).isOne();
		}

		@Test
		void aConversationWhoseRequestForAPersonWasWithdrawnIsRatedAsOneThatAskedForAPerson(
				@Autowired JdbcTemplate jdbc) {
			String promise = say("/human").replies().get(0).text();
			String ticket = promise.replaceAll("(?s).*#T-0*(\\d+).*", "$1");
			press("withdraw:" + ticket);

			say("/end");

			assertThat(jdbc.queryForObject("select r.ticket_id from rating r join conversation c on c.id = "
					+ "r.conversation_id join customer u on u.id = c.customer_id where u.external_id = ?", Long.class,
					customer.externalId())).isEqualTo(Long.valueOf(ticket));
		}

		@Test
		void skipUnderACommentAlreadyWrittenThanksAgainRatherThanSayingItExpired() {
			VERDICTS.put("do you deliver to Italy", confident("shipping_cost", 0.9));
			say("do you deliver to Italy");
			String rate = say("/end").replies().get(0).buttons().get(3).data();
			String skip = press(rate).replies().get(0).buttons().get(0).data();
			say("the answer came quickly");

			Response late = press(skip);

			assertThat(late.notice()).isEqualTo("Thanks again!");
			assertThat(press("skip:987654321").notice()).contains("expired");
		}

		@Test
		void aQuestionTheBotKnowsAfterAGoodRatingIsAnsweredNotFiledAsTheComment() {
			VERDICTS.put("do you deliver to Italy", confident("shipping_cost", 0.9));
			VERDICTS.put("how much is delivery to Spain?", confident("shipping_cost", 0.9));
			say("do you deliver to Italy");
			press(say("/end").replies().get(0).buttons().get(4).data());

			Response answer = say("how much is delivery to Spain?");

			assertThat(answer.replies()).extracting(Reply::text)
				.noneMatch(text -> text.contains("passed that on"))
				.anyMatch(text -> text.contains("£3.95"));
		}

		@Test
		void aRemarkAfterAGoodRatingAndAnyTextAfterABadOneIsTheComment() {
			VERDICTS.put("do you deliver to Italy", confident("shipping_cost", 0.9));
			VERDICTS.put("delivery was quick, thanks", confident("shipping_cost", 0.9));
			VERDICTS.put("why is delivery so expensive?", confident("shipping_cost", 0.9));
			say("do you deliver to Italy");
			press(say("/end").replies().get(0).buttons().get(4).data());
			assertThat(say("delivery was quick, thanks").replies()).extracting(Reply::text)
				.containsExactly("Thank you, I've passed that on to the team.");

			say("do you deliver to Italy");
			press(say("/end").replies().get(0).buttons().get(0).data());
			assertThat(say("why is delivery so expensive?").replies()).extracting(Reply::text)
				.containsExactly("Thank you, I've passed that on to the team.");
		}

		@Test
		void aGoodbyeThatOpensAConversationClosesItWithoutARatingQuestion() {
			VERDICTS.put("ok bye", confident("goodbye", 0.9));

			Reply goodbye = say("ok bye").replies().get(0);

			assertThat(goodbye.text()).doesNotContain("How would you rate");
			assertThat(goodbye.buttons()).isEmpty();
		}

		@Test
		void opensATicketOnHumanAndRepeatsThePromiseRatherThanOpeningASecond() {
			String first = say("/human").replies().get(0).text();
			String again = press("human").replies().get(0).text();

			assertThat(first).containsPattern("#T-\\d{6}");
			String ticket = first.replaceAll("(?s).*(#T-\\d{6}).*", "$1");
			assertThat(again).contains(ticket);
		}
	}

	@Nested
	class StrangeInput {

		@Test
		void asksForTextWhenSentAPhoto() {
			Response response = service.handle(Inbound.media(customer, "photo", null, "5"));

			assertThat(response.replies()).singleElement().extracting(Reply::text).asString().contains("only read text");
			assertThat(lastMessages(2).get(0).text()).isEqualTo("[photo]");
		}

		@Test
		void addsAPhotoToTheRequestWhileWaitingForAPerson() {
			say("/human");

			Response response = service.handle(Inbound.media(customer, "photo", null, "7"));

			assertThat(response.replies()).singleElement().extracting(Reply::text).asString()
				.contains("added that to your request");
			assertThat(lastMessages(2).get(0).ticketId()).isNotNull();
		}

		@Test
		void readsTheCaptionOfAPhotoAndKeepsBoth() {
			VERDICTS.put("my parcel arrived broken", confident("item_damaged", 0.8));

			Response response = service.handle(Inbound.media(customer, "photo", "my parcel arrived broken", "6"));

			assertThat(response.replies()).singleElement().extracting(Reply::text).asString().doesNotContain("only read text");
			Message stored = lastMessages(2).get(0);
			assertThat(stored.text()).isEqualTo("[photo] my parcel arrived broken");
			assertThat(stored.intentId()).isEqualTo("item_damaged");
		}

		@Test
		void answersAForgedOrStaleButtonPolitelyAndChangesNothing(@Autowired JdbcTemplate jdbc) {
			List<Response> responses = Stream.of("i:no_such_intent", "", "\u0000\u202Egarbage", "done", "withdraw:1")
				.map(ConversationServiceTest.this::press)
				.toList();

			for (Response each : responses) {
				assertThat(each.replies()).isEmpty();
				assertThat(each.notice()).contains("expired");
			}
			// no conversation is opened for a press that starts nothing, so none counts in the figures
			assertThat(jdbc.queryForObject("select count(*) from conversation c join customer u on u.id = c.customer_id"
					+ " where u.external_id = ?", Integer.class, customer.externalId())).isZero();
		}

		@Test
		void takesEmojiAndTheLongestTelegramText() {
			assertThat(say("📦📦📦 ❓").replies()).hasSize(1);
			assertThat(say("x".repeat(4096)).replies()).hasSize(1);
		}
	}

	@Nested
	class Figures {

		private final Instant from = Instant.parse("2000-01-01T00:00:00Z");

		private final Instant to = Instant.parse("2100-01-01T00:00:00Z");

		private CustomerProfile other(String name) {
			return new CustomerProfile("test", "c" + (++customers), name, null);
		}

		@Test
		void countCustomersConversationsAndTheOnesTheBotAnsweredAlone() {
			VERDICTS.put("how much is postage", confident("shipping_cost", 0.9));
			ConversationFigures before = service.figures(from, to, 10);

			service.handle(Inbound.text(other("Ann"), "/start", null));
			service.handle(Inbound.text(other("Bob"), "how much is postage", null));
			CustomerProfile cat = other("Cat");
			service.handle(Inbound.text(cat, "how much is postage", null));
			Long rated = lastMessages(1).get(0).conversationId();
			service.handle(Inbound.text(cat, "/end", null));
			service.followUp(rated);
			ConversationFigures after = service.figures(from, to, 10);

			// Ann was answered nothing; Cat's follow-up of a bad rating is the staff's, not a conversation of hers
			assertThat(after.conversations() - before.conversations()).isEqualTo(3);
			assertThat(after.botOnly() - before.botOnly()).isEqualTo(2);
		}

		@Test
		void countAQuestionAskedWithOtherSpacesOrCapitalsEditedOrAsACaptionAsOne() {
			String question = "zqxv frobnicate the wibble";
			VERDICTS.put(question, new MatchResult(Verdict.UNKNOWN, List.of(new ScoredIntent("returns", 0.2))));
			VERDICTS.put("zqxv  Frobnicate the wibble\u00a0", new MatchResult(Verdict.UNKNOWN,
					List.of(new ScoredIntent("returns", 0.2))));
			VERDICTS.put("ZQXV frobnicate the wibble", new MatchResult(Verdict.UNKNOWN,
					List.of(new ScoredIntent("shipping_cost", 0.2))));

			service.handle(Inbound.text(other("Dan"), question, null));
			service.handle(Inbound.text(other("Eve"), "zqxv  Frobnicate the wibble\u00a0", null));
			service.handle(Inbound.media(other("Fay"), "photo", question, null));
			service.handle(Inbound.text(other("Gus"), "ZQXV frobnicate the wibble", null));

			assertThat(service.figures(from, to, 100).unanswered()).filteredOn(asked -> asked.text().contains("zqxv"))
				.singleElement()
				.isEqualTo(new ConversationFigures.Unanswered(question, 4, "returns"));
		}
	}

	@Nested
	class Together {

		@Autowired
		PlatformTransactionManager transactions;

		@Autowired
		ConversationRepository conversations;

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void twoMessagesOfOneCustomerAtOnceGoOneAfterTheOtherIntoOneConversation() throws Exception {
			VERDICTS.put("how much is postage", confident("shipping_cost", 0.9));
			VERDICTS.put("and to france", confident("international_shipping", 0.9));
			say("/start");
			say("/end");

			TransactionStatus first = transactions.getTransaction(TransactionDefinition.withDefaults());
			say("how much is postage");
			CompletableFuture<Response> second = CompletableFuture
				.supplyAsync(() -> new TransactionTemplate(transactions).execute(status -> say("and to france")));
			Thread.sleep(200);
			assertThat(second).as("waits for the first").isNotDone();
			transactions.commit(first);

			assertThat(second.get(10, TimeUnit.SECONDS).replies()).isNotEmpty();
			List<Message> latest = lastMessages(4);
			assertThat(latest).extracting(Message::text)
				.containsSubsequence("how much is postage", "and to france");
			assertThat(latest).extracting(Message::conversationId).containsOnly(latest.get(0).conversationId());
			Long customerId = conversations.findById(latest.get(0).conversationId()).orElseThrow().customerId();
			assertThat(jdbc.queryForObject("select count(*) from conversation where customer_id = ? and state <> 'CLOSED'",
					Integer.class, customerId)).isEqualTo(1);
		}
	}

	@Nested
	class Quiet {

		@Autowired
		ConversationRepository conversations;

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void aConversationAPersonHoldsIsQuietOnlyWhenNeitherSideWrote() {
			say("/human");
			Long id = lastMessages(1).get(0).conversationId();
			service.heldByPerson(id);
			service.staffSaid(id, "Grace", "Let me check that for you");
			Instant now = Instant.now();
			setLastMessages(id, now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(1)));

			assertThat(conversations.findQuiet(now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofDays(1)),
					Limit.unlimited())).doesNotContain(id);
			assertThat(service.closeIfIdle(id)).isFalse();

			setLastMessages(id, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1).plusMinutes(1)));

			assertThat(conversations.findQuiet(now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofDays(1)),
					Limit.unlimited())).contains(id);
		}

		@Test
		void aConversationWhoseRequestWasTakenButNotAnsweredIsNeverQuiet() {
			say("/human");
			Long id = lastMessages(1).get(0).conversationId();
			service.heldByPerson(id);
			Instant now = Instant.now();
			jdbc.update("update conversation set last_customer_message_at = ? where id = ?",
					java.sql.Timestamp.from(now.minus(Duration.ofDays(30))), id);

			assertThat(conversations.findQuiet(now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofDays(1)),
					Limit.unlimited())).doesNotContain(id);
			assertThat(service.closeIfIdle(id)).isFalse();
		}

		private void setLastMessages(Long conversationId, Instant customer, Instant staff) {
			jdbc.update("update conversation set last_customer_message_at = ?, last_staff_message_at = ? where id = ?",
					java.sql.Timestamp.from(customer), java.sql.Timestamp.from(staff), conversationId);
		}
	}

	private List<Message> lastMessages(int count) {
		List<Message> all = new java.util.ArrayList<>(messages.findByOrderByIdDesc(Limit.of(count)));
		java.util.Collections.reverse(all);
		return all;
	}

	/** Decides verdicts by the test's script instead of a trained model. */
	static class ScriptedMatcher {

		@Bean
		@Primary
		MatcherFactory scriptedMatcherFactory() {
			IntentMatcher matcher = text -> VERDICTS.getOrDefault(text.strip(),
					new MatchResult(Verdict.UNKNOWN, List.of()));
			return new MatcherFactory() {
				@Override
				public IntentMatcher train(TrainingSet set) {
					return matcher;
				}

				@Override
				public IntentMatcher train(TrainingSet set, MatchingSettings settings) {
					return matcher;
				}
			};
		}
	}
}
