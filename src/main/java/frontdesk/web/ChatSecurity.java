package frontdesk.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The chat is open to anyone: visitors are told apart by their signed cookie, not by a login. Its pages may be shown
 * in a frame on the business's own site (the widget); its API takes JSON only (see {@link ChatApi}), so it needs no
 * CSRF token, and a post larger than a message can be is refused before it is read.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ChatSecurity {

	@Bean
	@Order(10)
	SecurityFilterChain chatFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/", "/index.html", "/chat/**", "/api/chat/**", "/widget.js", "/favicon.svg")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/chat/**"))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(headers -> headers.frameOptions(frame -> frame.disable())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	@Bean
	FilterRegistrationBean<ChatBodyLimit> chatBodyLimit() {
		FilterRegistrationBean<ChatBodyLimit> registration = new FilterRegistrationBean<>(new ChatBodyLimit());
		registration.addUrlPatterns("/api/chat/*");
		return registration;
	}
}
