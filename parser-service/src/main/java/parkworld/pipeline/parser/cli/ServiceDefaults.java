package parkworld.pipeline.parser.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;
import parkworld.pipeline.parser.ParserProperties;
import parkworld.pipeline.parser.QualityProperties;

/**
 * The parser settings the service starts with when nothing is configured, read from the {@link DefaultValue}s of
 * {@link ParserProperties} and {@link QualityProperties} themselves so the command and the service cannot drift
 * apart ({@code ServiceDefaultsTests} compares them with what Spring's {@code Binder} makes of the same records).
 * Not Spring's {@code Binder}: creating one builds Spring's whole conversion service, which was 14% of the CPU
 * samples of a {@code parse} of the 22-page fixture (class loading, once per process), for six kinds of value. Values
 * are converted as Spring converts them ({@link DurationStyle}, {@link DataSize#parse}); a placeholder such as
 * {@code ${HOSTNAME:local}} stays as written, as with a {@code Binder} without property sources.
 */
final class ServiceDefaults {

    private ServiceDefaults() {
    }

    static ParserProperties parser() {
        return defaults(ParserProperties.class);
    }

    static QualityProperties quality() {
        return defaults(QualityProperties.class);
    }

    private static <T extends Record> T defaults(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Constructor<T> canonical;
        try {
            canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException("cannot create " + type.getName(), ex);
        }
        // @DefaultValue targets the canonical constructor's parameters, which is where Spring reads it too
        Parameter[] parameters = canonical.getParameters();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(type, components[i].getName(), parameters[i]);
        }
        try {
            return canonical.newInstance(values);
        }
        catch (InstantiationException | IllegalAccessException ex) {
            throw new IllegalStateException("cannot create " + type.getName(), ex);
        }
        catch (InvocationTargetException ex) {
            throw new IllegalStateException("the defaults of " + type.getName() + " are invalid", ex.getCause());
        }
    }

    @SuppressWarnings("unchecked")
    private static Object value(Class<?> owner, String name, Parameter parameter) {
        DefaultValue annotation = parameter.getAnnotation(DefaultValue.class);
        if (annotation == null) {
            throw new IllegalStateException(owner.getSimpleName() + "." + name + " has no @DefaultValue");
        }
        Class<?> type = parameter.getType();
        if (type.isRecord()) {
            return defaults((Class<? extends Record>) type);
        }
        if (annotation.value().length != 1) {
            throw new IllegalStateException(owner.getSimpleName() + "." + name
                    + " needs exactly one default value");
        }
        String text = annotation.value()[0];
        if (type == int.class) {
            return Integer.parseInt(text);
        }
        if (type == long.class) {
            return Long.parseLong(text);
        }
        if (type == double.class) {
            return Double.parseDouble(text);
        }
        if (type == String.class) {
            return text;
        }
        if (type == Duration.class) {
            return DurationStyle.detectAndParse(text);
        }
        if (type == DataSize.class) {
            return DataSize.parse(text);
        }
        throw new IllegalStateException(owner.getSimpleName() + "." + name + " is a " + type.getName()
                + ", which the command cannot read defaults of yet");
    }
}
