package vn.partracker.support.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that accepts bodies up to {@link BodySizeLimit#IMPORT_LIMIT} (file and batch imports);
 * every other method accepts up to {@link BodySizeLimit#DEFAULT_LIMIT}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LargeBody {}
