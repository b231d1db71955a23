package frontdesk.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/** A chat post sent without its length (in chunks) is read up to the limit and no further. */
class ChatBodyLimitTest {

	private final ChatBodyLimit limit = new ChatBodyLimit();

	@Test
	void readsAChunkedBodyUpToTheLimit() throws Exception {
		byte[] read = readThrough(ChatBodyLimit.MAX_BYTES);

		assertThat(read).hasSize(ChatBodyLimit.MAX_BYTES);
	}

	@Test
	void cutsOffAChunkedBodyThatPassesTheLimit() {
		assertThatIOException().isThrownBy(() -> readThrough(ChatBodyLimit.MAX_BYTES + 1))
			.withMessageContaining("at most");
	}

	private byte[] readThrough(int bodyBytes) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/chat/lines") {

			@Override
			public long getContentLengthLong() {
				return -1;
			}
		};
		request.setContent(new byte[bodyBytes]);
		byte[][] read = new byte[1][];
		limit.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest passed, jakarta.servlet.ServletResponse response)
					throws IOException {
				read[0] = ((HttpServletRequest) passed).getInputStream().readAllBytes();
			}
		});
		return read[0];
	}
}
