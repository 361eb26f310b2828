package parkworld.pipeline.ingest.operator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import parkworld.pipeline.ingest.OperatorProperties;

/**
 * Only health, info and prometheus are open; everything else (the operator endpoints, the status view) needs the
 * operator's HTTP basic credentials, which have no default: unconfigured, nobody gets in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain operatorSecurity(HttpSecurity http) throws Exception {
        return http
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .permitAll()
                .anyRequest()
                .hasRole("OPERATOR"))
            .httpBasic(Customizer.withDefaults())
            // An API for scripts, no browser session: no cookies, so no CSRF to guard against.
            .csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .build();
    }

    /** Replaces Spring Boot's generated default user: there is none unless the operator's password is set. */
    @Bean
    UserDetailsService operators(OperatorProperties operator) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (operator.enabled()) {
            PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            users.createUser(User.withUsername(operator.username())
                .password(encoder.encode(operator.password()))
                .roles("OPERATOR")
                .build());
        }
        return users;
    }
}
