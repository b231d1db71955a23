package frontdesk.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a chat post larger than any message can be, before it is read into memory: the chat is open to anyone,
 * and a body of many megabytes is no visitor's message. A body that says its length is refused at once (413); one
 * that does not is cut off where it passes the limit, and the post fails as unreadable (400).
 */
final class ChatBodyLimit extends OncePerRequestFilter {

	/** Largest body of a chat post: a message of 4,096 characters, even with each one escaped in JSON, fits. */
	static final int MAX_BYTES = 32 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write("{\"error\":\"That is too long to send.\"}");
			return;
		}
		chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request) : request, response);
	}

	/** A request whose body ends with an error once it passes the limit. */
	private static final class Limited extends HttpServletRequestWrapper {

		Limited(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream body = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int next = body.read();
					count(next < 0 ? 0 : 1);
					return next;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int count = body.read(buffer, offset, length);
					count(Math.max(count, 0));
					return count;
				}

				private void count(int bytes) throws IOException {
					read += bytes;
					if (read > MAX_BYTES) {
						throw new IOException("A chat post is at most " + MAX_BYTES + " bytes");
					}
				}

				@Override
				public boolean isFinished() {
					return body.isFinished();
				}

				@Override
				public boolean isReady() {
					return body.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					body.setReadListener(listener);
				}
			};
		}
	}
}
