package frontdesk.telegram;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Turns the body of a Bot API request into one JSON object, whatever encoding the
 * client chose: JSON, form-encoded fields or multipart form data (used for uploads).
 * Query string parameters are merged in as well.
 */
final class RequestBodies {

	private static final String ATTACH_PREFIX = "attach://";

	/** Uploads up to this size (a certificate, say) are kept whole, as base64. */
	private static final int MAX_KEPT_UPLOAD = 64 * 1024;

	private final ObjectMapper mapper;

	RequestBodies(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	ObjectNode parse(String rawQuery, String contentType, byte[] body) throws IOException {
		ObjectNode fields = this.mapper.createObjectNode();
		if (rawQuery != null && !rawQuery.isEmpty()) {
			parseUrlEncoded(rawQuery, fields);
		}
		if (body.length == 0) {
			return fields;
		}
		String type = (contentType != null) ? contentType.toLowerCase(Locale.ROOT) : "";
		if (type.startsWith("multipart/form-data")) {
			ObjectNode uploads = this.mapper.createObjectNode();
			parseMultipart(boundaryOf(contentType), body, fields, uploads);
			resolveAttachments(fields, uploads);
		}
		else if (type.startsWith("application/x-www-form-urlencoded")) {
			parseUrlEncoded(new String(body, StandardCharsets.UTF_8), fields);
		}
		else {
			JsonNode json = this.mapper.readTree(body);
			if (json == null || !json.isObject()) {
				throw new IOException("request body is not a JSON object");
			}
			fields.setAll((ObjectNode) json);
		}
		return fields;
	}

	private void parseUrlEncoded(String encoded, ObjectNode fields) {
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			fields.set(name, fieldValue(value));
		}
	}

	/**
	 * Parses multipart form data. The body is decoded as ISO-8859-1 so that every byte
	 * maps to exactly one char; text parts are re-decoded as UTF-8 afterwards.
	 */
	private void parseMultipart(String boundary, byte[] body, ObjectNode fields, ObjectNode uploads) {
		if (boundary == null) {
			return;
		}
		String content = new String(body, StandardCharsets.ISO_8859_1);
		String delimiter = "--" + boundary;
		int position = content.indexOf(delimiter);
		while (position >= 0) {
			int start = position + delimiter.length();
			if (content.startsWith("--", start)) {
				break;
			}
			if (content.startsWith("\r\n", start)) {
				start += 2;
			}
			int end = content.indexOf("\r\n" + delimiter, start);
			if (end < 0) {
				break;
			}
			addPart(content.substring(start, end), fields, uploads);
			position = end + 2;
		}
	}

	private void addPart(String part, ObjectNode fields, ObjectNode uploads) {
		int headerEnd = part.indexOf("\r\n\r\n");
		if (headerEnd < 0) {
			return;
		}
		String name = null;
		String fileName = null;
		String partType = null;
		for (String header : part.substring(0, headerEnd).split("\r\n")) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-disposition:")) {
				name = headerParameter(header, "name");
				fileName = headerParameter(header, "filename");
			}
			else if (lower.startsWith("content-type:")) {
				partType = header.substring("content-type:".length()).trim();
			}
		}
		if (name == null) {
			return;
		}
		String raw = part.substring(headerEnd + 4);
		if (fileName != null) {
			ObjectNode upload = fields.putObject(name);
			upload.put("file_name", new String(fileName.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
			upload.put("content_type", partType);
			upload.put("size", raw.length());
			if (raw.length() <= MAX_KEPT_UPLOAD) {
				upload.put("content_base64",
						Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.ISO_8859_1)));
			}
			uploads.set(name, upload);
		}
		else {
			fields.set(name, fieldValue(new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)));
		}
	}

	/**
	 * Replaces {@code attach://<part>} references (used by the client for uploads and
	 * albums) with the description of the uploaded part, so a test sees
	 * {@code photo.file_name} whichever way the file was attached.
	 */
	private void resolveAttachments(JsonNode node, ObjectNode uploads) {
		if (node.isObject()) {
			ObjectNode object = (ObjectNode) node;
			List<String> names = new ArrayList<>();
			object.fieldNames().forEachRemaining(names::add);
			for (String name : names) {
				JsonNode resolved = resolved(object.get(name), uploads);
				if (resolved != null) {
					object.set(name, resolved);
				}
				else {
					resolveAttachments(object.get(name), uploads);
				}
			}
		}
		else if (node.isArray()) {
			ArrayNode array = (ArrayNode) node;
			for (int i = 0; i < array.size(); i++) {
				JsonNode resolved = resolved(array.get(i), uploads);
				if (resolved != null) {
					array.set(i, resolved);
				}
				else {
					resolveAttachments(array.get(i), uploads);
				}
			}
		}
	}

	private static JsonNode resolved(JsonNode value, ObjectNode uploads) {
		if (value.isTextual() && value.asText().startsWith(ATTACH_PREFIX)) {
			JsonNode upload = uploads.get(value.asText().substring(ATTACH_PREFIX.length()));
			return (upload != null) ? upload.deepCopy() : null;
		}
		return null;
	}

	/**
	 * Values such as {@code reply_markup} travel as JSON text inside form fields; they are
	 * parsed so that tests can inspect them like in a JSON request.
	 */
	private JsonNode fieldValue(String value) {
		String trimmed = value.trim();
		if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
			try {
				return this.mapper.readTree(trimmed);
			}
			catch (JsonProcessingException ex) {
				return TextNode.valueOf(value);
			}
		}
		return TextNode.valueOf(value);
	}

	private static String boundaryOf(String contentType) {
		return headerParameter(contentType, "boundary");
	}

	private static String headerParameter(String header, String parameter) {
		for (String segment : header.split(";")) {
			String trimmed = segment.trim();
			int eq = trimmed.indexOf('=');
			if (eq > 0 && trimmed.substring(0, eq).trim().equalsIgnoreCase(parameter)) {
				String value = trimmed.substring(eq + 1).trim();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				return value;
			}
		}
		return null;
	}

}
